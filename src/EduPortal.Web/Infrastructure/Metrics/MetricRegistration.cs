namespace EduPortal.Web.Infrastructure.Metrics;

public static class MetricRegistration
{
    /// <summary>
    /// Registers a module's metric source; call it from the module's <c>Add&lt;Module&gt;</c> verb. The source is also
    /// resolvable by its own type, so a module's bulletin section reads the very same figures.
    /// </summary>
    public static IServiceCollection AddMetricSource<TSource>(this IServiceCollection services)
        where TSource : class, IMetricSource
    {
        services.AddScoped<TSource>();
        return services.AddScoped<IMetricSource>(provider => provider.GetRequiredService<TSource>());
    }
}
