namespace EduPortal.Domain.Bulletins;

/// <summary>
/// What a section contributes to a bulletin: one summary sentence, tables (columns and rows of text, as printed), and
/// bar charts. Stored with the bulletin (as JSON), so the detail page, the PDF and the workbook show the same figures.
/// </summary>
public sealed record BulletinSectionData(string Key, string Title, int Order, string Summary, IReadOnlyList<BulletinTable> Tables,
    IReadOnlyList<BulletinChart> Charts)
{
    public static BulletinSectionData Empty(string key, string title, int order, string summary) => new(key, title, order, summary, [], []);
}

/// <summary>A table of a section. Cells are text as shown; <see cref="NumericColumns"/> are written as numbers in Excel.</summary>
public sealed record BulletinTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>Indexes of columns holding numbers (right-aligned in the PDF, numeric cells in the workbook).</summary>
    public IReadOnlyList<int> NumericColumns { get; init; } = [];

    /// <summary>A short line under the table when it was cut (e.g. "仅列出前 20 所").</summary>
    public string? Note { get; init; }
}

/// <summary>A horizontal bar chart: one bar per label, values in <see cref="Unit"/>.</summary>
public sealed record BulletinChart(string Title, string Unit, IReadOnlyList<BulletinBar> Bars)
{
    /// <summary>Bars drawn against this maximum (100 for a percentage), or the largest value when null.</summary>
    public decimal? Maximum { get; init; }
}

public sealed record BulletinBar(string Label, decimal Value);
