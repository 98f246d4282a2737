using System.Globalization;
using System.Text.Json;
using EduPortal.Domain.Surveys;

namespace EduPortal.Web.Features.Surveys;

/// <summary>
/// Field keys of the form as the page and the browser's unsaved-input copy name them ("LabLeadName",
/// "物理.Teachers"), and restoring that copy onto a form.
/// </summary>
public static class SurveyFormFields
{
    public sealed record BrowserCopy(Dictionary<string, string>? Fields, long At);

    /// <summary>
    /// Applies the browser's copy of unsaved input when it is newer than the server's draft. Returns
    /// whether anything changed. Numbers that do not parse are left as saved.
    /// </summary>
    public static bool Restore(SurveyForm form, string? json, DateTimeOffset? serverSavedAt)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return false;
        }
        BrowserCopy? copy;
        try
        {
            copy = JsonSerializer.Deserialize<BrowserCopy>(json, new JsonSerializerOptions { PropertyNameCaseInsensitive = true });
        }
        catch (JsonException)
        {
            return false;
        }
        if (copy?.Fields is null || (serverSavedAt is { } saved && DateTimeOffset.FromUnixTimeMilliseconds(copy.At) <= saved))
        {
            return false;
        }
        var changed = false;
        foreach (var (field, value) in copy.Fields)
        {
            changed |= Set(form, field, value);
        }
        return changed;
    }

    private static bool Set(SurveyForm form, string field, string value)
    {
        switch (field)
        {
            case nameof(SurveyForm.SchoolName):
                return Text(form.SchoolName, value, v => form.SchoolName = v);
            case nameof(SurveyForm.LabLeadName):
                return Text(form.LabLeadName, value, v => form.LabLeadName = v);
            case nameof(SurveyForm.LabLeadPhone):
                return Text(form.LabLeadPhone, value, v => form.LabLeadPhone = v);
            case nameof(SurveyForm.AdminName):
                return Text(form.AdminName, value, v => form.AdminName = v);
            case nameof(SurveyForm.AdminPhone):
                return Text(form.AdminPhone, value, v => form.AdminPhone = v);
            case nameof(SurveyForm.StudentCount):
                return Number(form.StudentCount, value, v => form.StudentCount = v);
            case nameof(SurveyForm.ClassCount):
                return Number(form.ClassCount, value, v => form.ClassCount = v);
        }
        var dot = field.IndexOf('.', StringComparison.Ordinal);
        var row = dot > 0 ? form.For(field[..dot]) : null;
        return (row, field[(dot + 1)..]) switch
        {
            ({ } r, nameof(SurveySubjectEntry.Teachers)) => Number(r.Teachers, value, v => r.Teachers = v),
            ({ } r, nameof(SurveySubjectEntry.FullTime)) => Number(r.FullTime, value, v => r.FullTime = v),
            ({ } r, nameof(SurveySubjectEntry.LabRooms)) => Number(r.LabRooms, value, v => r.LabRooms = v),
            _ => false,
        };
    }

    private static bool Text(string current, string value, Action<string> set)
    {
        if (current == value)
        {
            return false;
        }
        set(value);
        return true;
    }

    private static bool Number(int? current, string value, Action<int?> set)
    {
        int? parsed = string.IsNullOrWhiteSpace(value) ? null
            : int.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : current;
        if (parsed == current)
        {
            return false;
        }
        set(parsed);
        return true;
    }
}
