using EduPortal.Data.Seeding;
using EduPortal.Web.Infrastructure.Bulletins;
using EduPortal.Web.Infrastructure.Database;
using EduPortal.Web.Infrastructure.Exports;

namespace EduPortal.Web.Features.Surveys;

/// <summary>Wires the surveys module (lab-equipment survey rounds) and seeds its demo round.</summary>
public static class SurveysModule
{
    public static IServiceCollection AddSurveys(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<SurveyService>();
        services.AddSurveyMetrics();
        services.AddExportKind<SurveyRoundPdfsExport>();
        services.AddBulletinSection<RegistrationBulletinSection>();
        services.AddBulletinSection<SurveyCompletionBulletinSection>();
        return services;
    }

    /// <summary>A demo round with schools at every step, when the demo city was just seeded.</summary>
    public static async Task SeedSurveysAsync(this SeedContext seed, CancellationToken cancellationToken = default)
    {
        if (seed.CitySeeded)
        {
            await new SurveyDemoSeeder(seed.Db, seed.Clock).SeedAsync(cancellationToken);
        }
    }
}
