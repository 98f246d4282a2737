namespace EduPortal.Web.Infrastructure.Metrics;

public static class MetricRegistration
{
    /// <summary>Registers a module's metric source; call it from the module's <c>Add&lt;Module&gt;</c> verb.</summary>
    public static IServiceCollection AddMetricSource<TSource>(this IServiceCollection services)
        where TSource : class, IMetricSource => services.AddScoped<IMetricSource, TSource>();
}
