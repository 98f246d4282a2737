namespace EduPortal.Web.Features.Auditing;

/// <summary>Wires the audit-log module (the log page and its export); the entries are written by <c>AuditWriter</c>.</summary>
public static class AuditingModule
{
    public static IServiceCollection AddAuditing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<AuditLogService>();
        return services;
    }
}
