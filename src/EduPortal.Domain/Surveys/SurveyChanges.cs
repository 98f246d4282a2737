namespace EduPortal.Domain.Surveys;

/// <summary>What changed between two submitted versions of a form, in words a reviewer reads ("学生数：1200 → 1250").</summary>
public static class SurveyChanges
{
    public static IReadOnlyList<string> Between(SurveyForm before, SurveyForm after)
    {
        var changes = new List<string>();
        void Compare(string label, object? a, object? b)
        {
            var x = Show(a);
            var y = Show(b);
            if (x != y)
            {
                changes.Add($"{label}：{x} → {y}");
            }
        }
        Compare("学校名称", before.SchoolName, after.SchoolName);
        Compare("实验管理负责人", before.LabLeadName, after.LabLeadName);
        Compare("负责人电话", before.LabLeadPhone, after.LabLeadPhone);
        Compare("管理员姓名", before.AdminName, after.AdminName);
        Compare("管理员电话", before.AdminPhone, after.AdminPhone);
        Compare("学生数", before.StudentCount, after.StudentCount);
        Compare("班数", before.ClassCount, after.ClassCount);
        foreach (var subject in SurveySubjects.All)
        {
            var a = before.For(subject);
            var b = after.For(subject);
            if (a is null && b is null)
            {
                continue;
            }
            Compare($"{subject}任课教师", a?.Teachers, b?.Teachers);
            Compare($"{subject}专职", a?.FullTime, b?.FullTime);
            Compare($"{subject}实验室", a?.LabRooms, b?.LabRooms);
        }
        return changes;
    }

    private static string Show(object? value) => value switch
    {
        null => "空",
        string s when s.Length == 0 => "空",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "空",
    };
}
