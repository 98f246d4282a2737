using EduPortal.Domain.Organization;

namespace EduPortal.Domain.Surveys;

/// <summary>The subject rows of the survey form (实验教学情况调查表), in the paper form's order.</summary>
public static class SurveySubjects
{
    public const string Physics = "物理";
    public const string Chemistry = "化学";
    public const string Biology = "生物";
    public const string GeneralTechnology = "通用技术";
    public const string InformationTechnology = "信息技术";
    public const string Science = "科学";

    /// <summary>Row order of the paper form (circular 000 附件1).</summary>
    public static readonly IReadOnlyList<string> All = [Physics, Chemistry, Biology, GeneralTechnology, InformationTechnology, Science];

    /// <summary>
    /// The rows a school of the given stage fills; combined stages get the union.
    /// circular 000 附件1 说明2: 小学只填写科学和信息技术；初中填写物理、化学、生物和信息技术；
    /// 高中填写物理、化学、生物、信息技术和通用技术。
    /// </summary>
    public static IReadOnlyList<string> ForStage(SchoolStage stage)
    {
        var subjects = new HashSet<string>();
        if (stage.HasFlag(SchoolStage.Primary))
        {
            subjects.UnionWith([Science, InformationTechnology]);
        }
        if (stage.HasFlag(SchoolStage.Junior))
        {
            subjects.UnionWith([Physics, Chemistry, Biology, InformationTechnology]);
        }
        if (stage.HasFlag(SchoolStage.Senior))
        {
            subjects.UnionWith([Physics, Chemistry, Biology, InformationTechnology, GeneralTechnology]);
        }
        return All.Where(subjects.Contains).ToList();
    }
}
