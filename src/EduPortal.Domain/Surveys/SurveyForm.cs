namespace EduPortal.Domain.Surveys;

/// <summary>
/// The contents of one school's survey form (circular 000 附件1), as typed. Numbers are nullable
/// because a draft may be half filled; <see cref="SurveyRules.Validate"/> decides what may be submitted.
/// </summary>
public sealed class SurveyForm
{
    public string SchoolName { get; set; } = "";
    /// <summary>实验管理负责人: the vice principal in charge of teaching (说明1).</summary>
    public string LabLeadName { get; set; } = "";
    public string LabLeadPhone { get; set; } = "";
    /// <summary>管理员: the school's admin of the lab-teaching app (说明1).</summary>
    public string AdminName { get; set; } = "";
    public string AdminPhone { get; set; } = "";
    public int? StudentCount { get; set; }
    public int? ClassCount { get; set; }
    public List<SurveySubjectEntry> Subjects { get; set; } = [];

    public SurveySubjectEntry? For(string subject) => Subjects.FirstOrDefault(s => s.Subject == subject);

    /// <summary>A deep copy: the text and figures, and copies of the subject rows.</summary>
    public SurveyForm Copy()
    {
        var copy = (SurveyForm)MemberwiseClone();
        copy.Subjects = Subjects.Select(s => s with { }).ToList();
        return copy;
    }

    /// <summary>Trims text and keeps exactly the given subject rows, in that order (unknown rows dropped, missing rows blank).</summary>
    public SurveyForm Normalized(IReadOnlyList<string> subjects) => new()
    {
        SchoolName = SchoolName.Trim(),
        LabLeadName = LabLeadName.Trim(),
        LabLeadPhone = LabLeadPhone.Trim().Replace(" ", "", StringComparison.Ordinal),
        AdminName = AdminName.Trim(),
        AdminPhone = AdminPhone.Trim().Replace(" ", "", StringComparison.Ordinal),
        StudentCount = StudentCount,
        ClassCount = ClassCount,
        Subjects = subjects.Select(subject => For(subject) is { } row ? row with { } : new SurveySubjectEntry(subject)).ToList(),
    };
}

/// <summary>One subject row: 任课教师人数, 其中专职人数, 实验室数.</summary>
public sealed record SurveySubjectEntry(string Subject)
{
    public int? Teachers { get; set; }
    public int? FullTime { get; set; }
    public int? LabRooms { get; set; }
}

/// <summary>What the school registered under 学校与班级: its 学生数 and the number of its classes.</summary>
public sealed record RegisteredFigures(int Students, int Classes);
