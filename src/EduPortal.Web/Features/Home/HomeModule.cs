namespace EduPortal.Web.Features.Home;

/// <summary>Wires the home page's summary.</summary>
public static class HomeModule
{
    public static IServiceCollection AddHome(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<HomeService>();
        return services;
    }
}
