using EduPortal.Data.Accounts;
using EduPortal.Data.Seeding;
using EduPortal.Web.Infrastructure.Database;
using Microsoft.AspNetCore.Identity;

namespace EduPortal.Web.Features.Organization;

/// <summary>Wires the organization module (the org tree, schools and classes) and seeds the demo city.</summary>
public static class OrganizationModule
{
    public static IServiceCollection AddOrganization(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<OrgService>();
        return services;
    }

    /// <summary>
    /// The demo city (its units, classes and people) into an empty database; sets <see cref="SeedContext.CitySeeded"/>
    /// so the other modules add their demo rows to it.
    /// </summary>
    public static async Task SeedOrganizationAsync(this SeedContext seed, CancellationToken cancellationToken = default)
    {
        if (!seed.Demo)
        {
            return;
        }
        var hasher = seed.Services.GetRequiredService<IPasswordHasher<ApplicationUser>>();
        // One hash shared by every demo account (hashing 1,500 passwords one by one would take a minute),
        // computed only when the database is empty.
        seed.CitySeeded = await new DemoDataSeeder(seed.Db, seed.Clock).SeedAsync(seed.Size,
            () => hasher.HashPassword(new ApplicationUser(), DemoAccounts.DemoPassword), cancellationToken);
    }
}
