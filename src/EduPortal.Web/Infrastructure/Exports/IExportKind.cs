using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;

namespace EduPortal.Web.Infrastructure.Exports;

/// <summary>Progress a kind reports while it writes: a percentage (0–100) and an optional line for the owner ("第 120/500 所学校").</summary>
public readonly record struct ExportProgress(int Percent, string? Message = null);

/// <summary>
/// What a kind writes with: the owner as read from the database when the job started (never the requester's
/// snapshot — rights lost since then are lost for the export too), the request's parameters (what to export: a round,
/// a period; never whose data), a progress sink and the output stream (a temporary file, not memory).
/// </summary>
public sealed record ExportContext(Caller Caller, ExportParameters Parameters, IProgress<ExportProgress> Progress, Stream Output, DateTimeOffset Now);

/// <summary>The file a kind wrote: its download name (naming the period and when it was made) and content type.</summary>
public sealed record ExportFile(string FileName, string ContentType, string Extension);

/// <summary>
/// One kind of background export (a city's lab records, a round's survey PDFs, a round's certificates). Modules
/// register kinds with <see cref="ExportKindRegistration.AddExportKind{TKind}"/> in their module file; the export
/// centre queues, runs, keeps and expires the files without knowing any kind.
/// </summary>
public interface IExportKind
{
    /// <summary>A stable key stored with each request (lower case, dots and dashes: <c>surveys.round-pdfs</c>).</summary>
    string Key { get; }

    /// <summary>The kind's Chinese name shown in 我的导出.</summary>
    string Title { get; }

    /// <summary>
    /// Whether <paramref name="caller"/> may have this export with these parameters, checked when it is requested and
    /// again when the job starts; on success the line the owner sees in 我的导出 ("东溪区 2026-09-01 至 2026-11-30 实验记录").
    /// </summary>
    Task<Result<string>> AuthorizeAsync(Caller caller, ExportParameters parameters, CancellationToken cancellationToken);

    /// <summary>Writes the file for <see cref="ExportContext.Caller"/>'s jurisdiction into <see cref="ExportContext.Output"/>.</summary>
    Task<ExportFile> RunAsync(ExportContext context, CancellationToken cancellationToken);
}

/// <summary>A request's parameters: a few named strings, parsed by the kind (bad or missing values are the kind's refusal).</summary>
public sealed class ExportParameters(IReadOnlyDictionary<string, string> values)
{
    public static ExportParameters Empty { get; } = new(new Dictionary<string, string>());

    public IReadOnlyDictionary<string, string> Values { get; } = values;

    public static ExportParameters Of(params (string Name, string Value)[] values) => new(values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal));

    public string? this[string name] => Values.TryGetValue(name, out var value) ? value : null;

    public int? Int(string name) => int.TryParse(this[name], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;

    public DateOnly? Date(string name) =>
        DateOnly.TryParseExact(this[name], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var value) ? value : null;

    public string ToJson() => System.Text.Json.JsonSerializer.Serialize(Values);

    public static ExportParameters FromJson(string json) =>
        new(System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? new Dictionary<string, string>());
}

public static class ExportKindRegistration
{
    /// <summary>Registers a module's export kind; call it from the module's <c>Add&lt;Module&gt;</c> verb.</summary>
    public static IServiceCollection AddExportKind<TKind>(this IServiceCollection services)
        where TKind : class, IExportKind => services.AddScoped<IExportKind, TKind>();
}
