using EduPortal.Domain.Accounts;
using EduPortal.Domain.Circulars;
using EduPortal.Domain.Organization;

namespace EduPortal.Domain.Tests.Circulars;

/// <summary>A small tree: city /1/ → county 东溪区 /1/1/ (township /1/1/1/ with a primary school, county-direct junior and senior schools) and another county /1/2/.</summary>
internal static class CircularFixtures
{
    public static readonly DateTimeOffset Now = new(2026, 4, 18, 1, 30, 0, TimeSpan.Zero);

    public static readonly RecipientCandidate Township = new(11, "桃源镇中心校", "/1/1/1/", OrgUnitKind.Township, SchoolStage.None, OrgUnitKind.County);
    public static readonly RecipientCandidate VillagePrimary = new(12, "桃源镇杏林小学", "/1/1/1/1/", OrgUnitKind.School, SchoolStage.Primary, OrgUnitKind.Township);
    public static readonly RecipientCandidate TownJunior = new(13, "桃源镇初级中学", "/1/1/1/2/", OrgUnitKind.School, SchoolStage.Junior, OrgUnitKind.Township);
    public static readonly RecipientCandidate DirectJunior = new(14, "东溪区第二中学", "/1/1/2/", OrgUnitKind.School, SchoolStage.Junior, OrgUnitKind.County);
    public static readonly RecipientCandidate DirectSenior = new(15, "东溪区第一高级中学", "/1/1/3/", OrgUnitKind.School, SchoolStage.Senior, OrgUnitKind.County);
    public static readonly RecipientCandidate DirectNineYear = new(16, "东溪区实验学校", "/1/1/4/", OrgUnitKind.School, SchoolStage.NineYear, OrgUnitKind.County);

    public static readonly IReadOnlyList<RecipientCandidate> CountySubtree = [Township, VillagePrimary, TownJunior, DirectJunior, DirectSenior, DirectNineYear];

    public static readonly Caller CountyEditor = new("u-editor", "王编辑", AdminLevel.County, 1, "东溪区教育局", "/1/1/", OrgUnitKind.County, Capability.BureauEditor);
    public static readonly Caller CountyAdminNotEditor = new("u-county", "李管理", AdminLevel.County, 1, "东溪区教育局", "/1/1/", OrgUnitKind.County, Capability.None);
    public static readonly Caller OtherCountyEditor = new("u-other", "赵编辑", AdminLevel.County, 2, "西岭县教育局", "/1/2/", OrgUnitKind.County, Capability.BureauEditor);
    public static readonly Caller CityAdmin = new("u-city", "周建国", AdminLevel.City, 100, "云溪市教育局", "/1/", OrgUnitKind.City, Capability.None);
    public static readonly Caller DirectJuniorAdmin = new("u-s14", "陈校管", AdminLevel.School, 14, "东溪区第二中学", "/1/1/2/", OrgUnitKind.School, Capability.None);
    public static readonly Caller DirectJuniorAdmin2 = new("u-s14b", "林校管", AdminLevel.School, 14, "东溪区第二中学", "/1/1/2/", OrgUnitKind.School, Capability.None);
    public static readonly Caller DirectJuniorTeacher = new("u-t14", "张老师", AdminLevel.Teacher, 14, "东溪区第二中学", "/1/1/2/", OrgUnitKind.School, Capability.None);
    public static readonly Caller VillagePrimaryAdmin = new("u-s12", "何校管", AdminLevel.School, 12, "桃源镇杏林小学", "/1/1/1/1/", OrgUnitKind.School, Capability.None);
    public static readonly Caller SchoolAdminWithEditorFlag = new("u-s15", "郑校管", AdminLevel.School, 15, "东溪区第一高级中学", "/1/1/3/", OrgUnitKind.School, Capability.BureauEditor);

    public static CircularContent Content(RecipientSelection? recipients = null, bool forTeachers = false, ReplyMode reply = ReplyMode.None,
        DateOnly? replyDue = null, string? phone = "2663755 13759693597") => new(
        "关于在全区中小学校使用“实验管理小程序”的通知", "东电教发", "为提升我区中小学实验教学和管理水平……", "刘冰峰", phone,
        [new MilestoneInput("注册", new DateOnly(2026, 4, 21), true), new MilestoneInput("记录", new DateOnly(2026, 4, 23), false)],
        recipients ?? new RecipientSelection([], RecipientKinds.Townships | RecipientKinds.JuniorSchools | RecipientKinds.CountyDirectSchools),
        forTeachers, reply, replyDue);

    public static Circular Draft(CircularContent? content = null)
    {
        var circular = Circular.StartDraft(CountyEditor, Now).Value!;
        var edited = circular.Edit(CountyEditor, content ?? Content());
        if (!edited.Succeeded)
        {
            throw new InvalidOperationException(edited.Error!.Message);
        }
        return circular;
    }

    public static Circular Published(CircularContent? content = null, int number = 9)
    {
        var circular = Draft(content);
        var published = circular.Publish(CountyEditor, 2026, number, RecipientResolver.Resolve(circular.Selection, CountySubtree), Now);
        if (!published.Succeeded)
        {
            throw new InvalidOperationException(published.Error!.Message);
        }
        return circular;
    }
}
