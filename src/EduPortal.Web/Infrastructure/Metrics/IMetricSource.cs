using EduPortal.Domain.Metrics;
using EduPortal.Domain.Organization;

namespace EduPortal.Web.Infrastructure.Metrics;

/// <summary>
/// The shared contract through which a module offers a figure to plans, the dashboard and bulletins. A module
/// implements one source per metric and registers it in its module file with
/// <see cref="MetricRegistration.AddMetricSource{TSource}"/>; consumers take <c>IEnumerable&lt;IMetricSource&gt;</c>.
/// </summary>
public interface IMetricSource
{
    MetricDefinition Definition { get; }

    /// <summary>
    /// The figure for <paramref name="scope"/> (any org unit the caller may see; the consumer has already applied
    /// jurisdiction) as of the end of <paramref name="asOf"/> (China date), plus the figure of each unit directly under it.
    /// </summary>
    Task<MetricReading> ReadAsync(OrgUnit scope, DateOnly asOf, CancellationToken cancellationToken);
}
