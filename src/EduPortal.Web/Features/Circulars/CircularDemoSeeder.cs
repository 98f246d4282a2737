using EduPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Circulars;

/// <summary>Demo circulars; filled in by the module's demo-data commit.</summary>
public sealed class CircularDemoSeeder(EduPortalDbContext db)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Circulars.AnyAsync(cancellationToken))
        {
            return;
        }
    }
}
