namespace EduPortal.Domain.Organization;

/// <summary>A class of a school (班级), named by grade and number, e.g. 七年级3班.</summary>
public sealed class SchoolClass
{
    private static readonly string[] GradeNames =
        ["", "一年级", "二年级", "三年级", "四年级", "五年级", "六年级", "七年级", "八年级", "九年级", "高一", "高二", "高三"];

    private SchoolClass()
    {
    }

    internal SchoolClass(OrgUnit school, int grade, int number)
    {
        School = school;
        SchoolId = school.Id;
        Grade = grade;
        Number = number;
    }

    public int Id { get; private set; }
    public int SchoolId { get; private set; }
    public OrgUnit? School { get; private set; }
    public int Grade { get; private set; }
    public int Number { get; private set; }

    public string DisplayName => FormatName(Grade, Number);

    public static string GradeName(int grade) => grade is >= 1 and <= 12 ? GradeNames[grade] : $"{grade}年级";

    public static string FormatName(int grade, int number) => $"{GradeName(grade)}{number}班";
}
