using EduPortal.Data;
using EduPortal.Data.Seeding;

namespace EduPortal.Web.Infrastructure.Database;

/// <summary>
/// What a module's <c>Seed&lt;Module&gt;Async</c> verb gets from the database initializer: the migrated database, the
/// start's services, and whether demo data is wanted. The modules seed in the order the initializer calls them
/// (Organization first: the demo city the others fill).
/// </summary>
public sealed class SeedContext(EduPortalDbContext db, IServiceProvider services, bool demo, SeedSize size)
{
    public EduPortalDbContext Db { get; } = db;

    /// <summary>The initializer's scope: a module resolves what its seeder needs (the clock, the file store) here.</summary>
    public IServiceProvider Services { get; } = services;

    public TimeProvider Clock => Services.GetRequiredService<TimeProvider>();

    /// <summary>Demo data is wanted (Seed:Demo, never in Production: the demo accounts' password is public).</summary>
    public bool Demo { get; } = demo;

    public SeedSize Size { get; } = size;

    /// <summary>
    /// The demo city was seeded by this start (the database was empty): modules add their demo rows to it. A module
    /// whose demo data is idempotent may seed whenever <see cref="Demo"/> is set.
    /// </summary>
    public bool CitySeeded { get; set; }
}
