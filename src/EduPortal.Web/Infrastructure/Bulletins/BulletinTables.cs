using System.Globalization;
using EduPortal.Domain.Bulletins;
using EduPortal.Domain.Metrics;

namespace EduPortal.Web.Infrastructure.Bulletins;

/// <summary>Shared shaping of a section's figures: a metric reading as a table and a bar chart, numbers as printed.</summary>
public static class BulletinTables
{
    /// <summary>Rows beyond this are cut from a table (the workbook keeps the same rows; the module's page has them all).</summary>
    public const int MaxRows = 40;

    public static string Number(decimal? value, string unit = "") =>
        value is null ? "无数据" : value.Value.ToString(value.Value == decimal.Truncate(value.Value) ? "0" : "0.##", CultureInfo.InvariantCulture) + unit;

    public static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The metric's value of each unit directly under the scope, worst first, with numerator and denominator.</summary>
    public static BulletinTable UnitTable(MetricReading reading, string unitsWord, string numeratorHeader, string denominatorHeader)
    {
        var ordered = Worst(reading).ToList();
        var rows = ordered.Take(MaxRows).Select(u => (IReadOnlyList<string>)
        [
            u.OrgName, Number(u.Numerator), Number(u.Denominator), Number(u.Value, Suffix(reading.Definition)),
        ]).ToList();
        rows.Add([$"合计（{reading.Scope.OrgName}）", Number(reading.Scope.Numerator), Number(reading.Scope.Denominator),
            Number(reading.Scope.Value, Suffix(reading.Definition))]);
        return new BulletinTable($"各{unitsWord}{reading.Definition.Name}", [unitsWord, numeratorHeader, denominatorHeader, reading.Definition.Name], rows)
        {
            NumericColumns = [1, 2, 3],
            Note = ordered.Count > MaxRows ? $"共 {ordered.Count} 个{unitsWord}，仅列出最低的 {MaxRows} 个，完整数据见平台“{reading.Definition.Name}”页面" : null,
        };
    }

    /// <summary>A bar per unit with a value (no-data units left out), worst first, capped like the table.</summary>
    public static BulletinChart UnitChart(MetricReading reading, string unitsWord) =>
        new($"各{unitsWord}{reading.Definition.Name}（{reading.Definition.Unit}）", reading.Definition.Unit,
            Worst(reading).Where(u => u.Value is not null).Take(20).Select(u => new BulletinBar(u.OrgName, u.Value!.Value)).ToList())
        {
            Maximum = reading.Definition.Unit == "%" ? 100 : null,
        };

    /// <summary>"全市教师实名注册率 37.5%（300/800）".</summary>
    public static string ScopeSentence(MetricReading reading) =>
        reading.Scope.Value is null
            ? $"{reading.Scope.OrgName}{reading.Definition.Name}暂无数据"
            : $"{reading.Scope.OrgName}{reading.Definition.Name}{Number(reading.Scope.Value, Suffix(reading.Definition))}"
              + (reading.Scope.Denominator is > 0 ? $"（{Number(reading.Scope.Numerator)}/{Number(reading.Scope.Denominator)}）" : "");

    private static string Suffix(MetricDefinition definition) => definition.Unit == "%" ? "%" : "";

    private static IEnumerable<MetricValue> Worst(MetricReading reading) =>
        reading.Definition.Direction == MetricDirection.HigherIsBetter
            ? reading.Units.OrderBy(u => u.Value is null ? 1 : 0).ThenBy(u => u.Value).ThenBy(u => u.OrgName, StringComparer.Ordinal)
            : reading.Units.OrderBy(u => u.Value is null ? 1 : 0).ThenByDescending(u => u.Value).ThenBy(u => u.OrgName, StringComparer.Ordinal);
}
