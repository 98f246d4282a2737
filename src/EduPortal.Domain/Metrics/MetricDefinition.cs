namespace EduPortal.Domain.Metrics;

/// <summary>
/// A figure the portal computes and that plan targets, the dashboard (驾驶舱) and the weekly bulletin can use.
/// Each module registers its own in its module file; nothing else lists them.
/// </summary>
/// <param name="Key">Stable identifier stored with targets and snapshots, e.g. <c>accounts.teacher-registration-rate</c>.</param>
/// <param name="Name">Chinese display name, e.g. 教师实名注册率.</param>
/// <param name="Unit">Display unit: <c>%</c>, <c>Mbps</c>, <c>条/校/周</c>…</param>
/// <param name="Module">The module that computes it (its folder name, e.g. <c>LabRecords</c>).</param>
/// <param name="PagePath">The page behind the figure, relative to the site root, e.g. <c>/lab/statistics</c>.</param>
public sealed record MetricDefinition(string Key, string Name, string Unit, MetricDirection Direction, string Module, string PagePath);
