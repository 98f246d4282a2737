using EduPortal.Domain.Common;

namespace EduPortal.Domain.Surveys;

/// <summary>The survey form's rules as pure functions: per-field messages for submit, flags for the reviewer.</summary>
public static class SurveyRules
{
    public const int MaxNameLength = 30;
    public const int MaxSchoolNameLength = 60;
    public const int MaxStudents = 100_000;
    public const int MaxClasses = 2_000;
    public const int MaxTeachersPerSubject = 500;
    public const int MaxLabRoomsPerSubject = 100;

    public const string PhoneMessage = "请输入有效的手机号或带区号的固定电话（如 0913-2663755）";

    /// <summary>Field keys of a subject row's numbers, e.g. "物理.Teachers".</summary>
    public static string TeachersField(string subject) => $"{subject}.{nameof(SurveySubjectEntry.Teachers)}";
    public static string FullTimeField(string subject) => $"{subject}.{nameof(SurveySubjectEntry.FullTime)}";
    public static string LabRoomsField(string subject) => $"{subject}.{nameof(SurveySubjectEntry.LabRooms)}";

    /// <summary>
    /// Everything the paper form asks must be there and make sense before a form is submitted.
    /// Returns null when the form may be submitted.
    /// </summary>
    public static ValidationError? Validate(SurveyForm form, IReadOnlyList<string> subjects)
    {
        var builder = new ValidationBuilder();
        CheckText(builder, form.SchoolName, nameof(SurveyForm.SchoolName), "学校名称", MaxSchoolNameLength);
        // circular 000 附件1 说明1: 实验管理负责人填写主管教学副校长，管理员填写小程序管理员。
        CheckText(builder, form.LabLeadName, nameof(SurveyForm.LabLeadName), "实验管理负责人", MaxNameLength);
        CheckPhone(builder, form.LabLeadPhone, nameof(SurveyForm.LabLeadPhone));
        CheckText(builder, form.AdminName, nameof(SurveyForm.AdminName), "管理员姓名", MaxNameLength);
        CheckPhone(builder, form.AdminPhone, nameof(SurveyForm.AdminPhone));
        CheckCount(builder, form.StudentCount, nameof(SurveyForm.StudentCount), "学生数", MaxStudents);
        CheckCount(builder, form.ClassCount, nameof(SurveyForm.ClassCount), "班数", MaxClasses);
        foreach (var subject in subjects)
        {
            var row = form.For(subject) ?? new SurveySubjectEntry(subject);
            CheckCount(builder, row.Teachers, TeachersField(subject), $"{subject}任课教师人数", MaxTeachersPerSubject);
            CheckCount(builder, row.FullTime, FullTimeField(subject), $"{subject}专职人数", MaxTeachersPerSubject);
            CheckCount(builder, row.LabRooms, LabRoomsField(subject), $"{subject}实验室数", MaxLabRoomsPerSubject);
            // 其中专职人数: the full-time teachers are part of the subject's teachers.
            builder.Check(row.FullTime is null || row.Teachers is null || row.FullTime <= row.Teachers,
                FullTimeField(subject), $"{subject}专职人数不能多于任课教师人数");
        }
        return builder.Build();
    }

    /// <summary>Messages for the fields already typed, so a half-filled draft shows only real mistakes, not missing answers.</summary>
    public static IReadOnlyDictionary<string, string> DraftMessages(SurveyForm form, IReadOnlyList<string> subjects)
    {
        var error = Validate(form, subjects);
        if (error is null)
        {
            return new Dictionary<string, string>();
        }
        return error.Fields.Where(f => !f.Value.StartsWith("请填写", StringComparison.Ordinal))
            .ToDictionary(f => f.Key, f => f.Value);
    }

    /// <summary>A reported count is "far" from the registered one when it differs by more than this share of it…</summary>
    public const double FarShare = 0.2;
    /// <summary>…and by more than this many classes (both conditions, so small schools are not flagged for one class).</summary>
    public const int FarClasses = 2;
    /// <summary>…or, for students, by more than this many students.</summary>
    public const int FarStudents = 50;

    /// <summary>
    /// Whether a reported count is far from the registered one: it differs by more than <see cref="FarShare"/>
    /// of the registered count and by more than <paramref name="minimumDifference"/>.
    /// </summary>
    public static bool IsFarFrom(int reported, int registered, int minimumDifference)
    {
        var difference = Math.Abs((long)reported - registered);
        return difference > minimumDifference && difference > FarShare * registered;
    }

    /// <summary>
    /// Allowed but worth a reviewer's look (请复核): a subject with labs but no teachers; a class or student count far
    /// from what the school registered under 学校与班级 (<paramref name="registered"/>, when known).
    /// </summary>
    public static IReadOnlyList<string> ReviewFlags(SurveyForm form, RegisteredFigures? registered = null)
    {
        var flags = new List<string>();
        if (registered is not null)
        {
            if (form.StudentCount is { } students && IsFarFrom(students, registered.Students, FarStudents))
            {
                flags.Add($"学生数 {Grouped(students)} 与学校登记的 {Grouped(registered.Students)} 人相差较大");
            }
            if (form.ClassCount is { } classes && IsFarFrom(classes, registered.Classes, FarClasses))
            {
                flags.Add($"班数 {Grouped(classes)} 与学校登记的 {Grouped(registered.Classes)} 个班级相差较大");
            }
        }
        flags.AddRange(form.Subjects.Where(s => s.LabRooms > 0 && s.Teachers == 0)
            .Select(s => $"{s.Subject}有 {s.LabRooms} 个实验室但没有任课教师"));
        return flags;
    }

    private static string Grouped(int value) => NumberFormat.Count(value);

    private static void CheckText(ValidationBuilder builder, string? value, string field, string label, int maxLength)
    {
        var text = value?.Trim() ?? "";
        builder.Check(text.Length > 0, field, $"请填写{label}");
        builder.Check(text.Length <= maxLength, field, $"{label}不能超过 {maxLength} 个字");
    }

    private static void CheckPhone(ValidationBuilder builder, string? value, string field)
    {
        var phone = value?.Trim() ?? "";
        builder.Check(phone.Length > 0, field, "请填写电话");
        builder.Check(PhoneNumbers.IsMainlandPhone(phone.Replace(" ", "", StringComparison.Ordinal)), field, PhoneMessage);
    }

    private static void CheckCount(ValidationBuilder builder, int? value, string field, string label, int max)
    {
        builder.Check(value is not null, field, $"请填写{label}（没有请填 0）");
        builder.Check(value is null or >= 0, field, $"{label}不能为负数");
        builder.Check(value is null || value <= max, field, $"{label}超出合理范围（不超过 {max}）");
    }
}
