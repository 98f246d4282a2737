using EduPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EduPortal.Web.Infrastructure.Database;

/// <summary>/health reports unhealthy when the database cannot be reached, or has not been initialised since the start.</summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<EduPortalDbContext> dbFactory, DatabaseReadiness readiness) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!readiness.Ready)
        {
            return HealthCheckResult.Unhealthy("database not initialised yet (unreachable at start; retrying)");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("database unreachable");
    }
}
