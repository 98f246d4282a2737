using EduPortal.Domain.LabRecords;
using EduPortal.Domain.Organization;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Data.Seeding;

/// <summary>The shipped experiment catalogue: reference data every deployment starts with, demo or not.</summary>
public static class LabCatalogueSeeder
{
    /// <summary>Ships the default catalogue (<see cref="DefaultLabCatalogue"/>) under the city when the catalogue is empty.</summary>
    public static async Task SeedDefaultAsync(EduPortalDbContext db, CancellationToken cancellationToken = default)
    {
        if (await db.LabExperiments.AnyAsync(cancellationToken))
        {
            return;
        }
        var city = await db.OrgUnits.Where(o => o.Kind == OrgUnitKind.City).OrderBy(o => o.Id).Select(o => new { o.Id, o.Path }).FirstOrDefaultAsync(cancellationToken);
        if (city is null)
        {
            return;
        }
        db.LabExperiments.AddRange(DefaultLabCatalogue.Rows.Select(r => new LabExperiment(city.Id, city.Path, r.Subject, r.Grade, r.Code, r.Name, r.Kind)));
        await db.SaveChangesAsync(cancellationToken);
    }
}
