namespace EduPortal.Domain.Points;

/// <summary>
/// The shipped default: circular 001 附件2 深度应用指数计分项目事件一览表, row for row, plus one portal
/// row (实验课发布) that ships switched off, so the default totals are the circular's exactly; a district
/// that wants lab-teaching records to feed its index switches it on in the rule editor.
/// </summary>
public static class DefaultPointRules
{
    /// <summary>Points per continuing-education hour until a city admin sets the district's rate (circular 002 leaves it open).</summary>
    public const int DefaultPointsPerHour = 10;

    /// <summary>
    /// The rows, each with its origins set (issue 10): the portal's own rows from the portal only, the circular's
    /// cloud-platform rows from a platform key or an import (<see cref="PointProvenance.DefaultOrigins"/>).
    /// </summary>
    public static IReadOnlyList<PointRule> Rules { get; } = Rows.Select(r => r with { Origins = r.Origins ?? PointProvenance.DefaultOrigins(r.Type) }).ToList();

    private static IReadOnlyList<PointRule> Rows =>
    [
        // 空间建设
        new()
        {
            Type = PointTypes.Login, Category = PointCategory.SpaceBuilding, Name = "空间登录", Points = 1, DailyCap = 1, StreakFromDay = 8, StreakPoints = 2,
            Origins = PointEventOrigins.Portal,
            Description = "教师通过网络学习空间（平台、移动端、教学应用端）任意一项登录得1分，连续超过7天后，每天登录得2分。期间间断则重新开始计算连续天数。",
        },
        new()
        {
            Type = PointTypes.ProfileComplete, Category = PointCategory.SpaceBuilding, Name = "信息完善", Points = 20, YearlyCap = 1,
            Origins = PointEventOrigins.Portal,
            Description = "教师上传个人头像；邮箱、手机号或微信号；所在学校或班级；任教学科。以上四项内容需全部完成。",
        },
        new()
        {
            Type = PointTypes.ResourceShare, Category = PointCategory.SpaceBuilding, Name = "资源建设", Points = 1, WeeklyCap = 5,
            Description = "教师在空间网盘中上传资源并公开。",
        },
        new()
        {
            Type = PointTypes.SpaceRecord, Category = PointCategory.SpaceBuilding, Name = "空间记录", Points = 1, WeeklyCap = 5,
            Description = "教师在空间相册或班级圈，发布照片记录日常教学生活，照片内容丰富、富有意义。",
        },
        new()
        {
            Type = PointTypes.TeachingArticle, Category = PointCategory.SpaceBuilding, Name = "教学成果", Points = 5, WeeklyCap = 1,
            Description = "教师使用文章记录教学成果，积极分享。",
        },
        new()
        {
            Type = PointTypes.ArticleShare, Category = PointCategory.SpaceBuilding, Name = "成果传播", Points = 1, WeeklyCap = 5,
            Description = "教师发布优秀教学成果并与他人传播交流，或主动传播他人的教学成果。",
        },
        // 教学应用
        new()
        {
            Type = PointTypes.InteractiveLesson, Category = PointCategory.TeachingApplication, Name = "互动授课", Points = 5, WeeklyCap = 2,
            Threshold = 15, QuantityName = "使用时长", QuantityUnit = "分钟",
            Description = "教师使用空间应用结合班班通设备进行课堂教学。每次使用时长不低于15分钟。",
        },
        new()
        {
            Type = PointTypes.GuidedTest, Category = PointCategory.TeachingApplication, Name = "导学检测", Points = 5, WeeklyCap = 2,
            Threshold = 10, QuantityName = "30天内阅读或完成人数", QuantityUnit = "人",
            Description = "教师布置课前导学、课后练习或在线检测30天内，阅读或完成人数达10人。",
        },
        new()
        {
            Type = PointTypes.Marking, Category = PointCategory.TeachingApplication, Name = "练习批阅", Points = 5, WeeklyCap = 2,
            Threshold = 10, QuantityName = "批阅人数", QuantityUnit = "人",
            Description = "教师对课前导学、课后练习或在线检测进行批阅，批阅人数达到10人。",
        },
        new()
        {
            Type = PointTypes.ResourceSearch, Category = PointCategory.TeachingApplication, Name = "资源检索", Points = 2, WeeklyCap = 1,
            Threshold = 5, QuantityName = "收藏或下载教材资源", QuantityUnit = "个",
            Description = "教师使用教学应用收藏或下载教材资源达5个以上，即核算有效。",
        },
        new()
        {
            Type = PointTypes.Courseware, Category = PointCategory.TeachingApplication, Name = "课件制作", Points = 10, WeeklyCap = 1,
            Description = "教师使用教学应用完成1份原创课件及教学资源的制作并上传成功。",
        },
        // 师生互动
        new()
        {
            Type = PointTypes.ClassSetup, Category = PointCategory.Interaction, Name = "班级组建", Points = 50, YearlyCap = 1,
            Threshold = 25, QuantityName = "班级人数", QuantityUnit = "人",
            Description = "平台管理员、教师邀请学生完成班级组建，班级人数达到25人。",
        },
        new()
        {
            Type = PointTypes.ClassNotice, Category = PointCategory.Interaction, Name = "班级通知", Points = 5, WeeklyCap = 2,
            Threshold = 10, QuantityName = "参与的学生或家长账号", QuantityUnit = "个",
            Description = "教师使用网络学习空间进行班级通知、班级讨论，参与的学生或家长账号达到10个以上。",
        },
        new()
        {
            Type = PointTypes.ClassActivity, Category = PointCategory.Interaction, Name = "班级活动", Points = 5, WeeklyCap = 1,
            Threshold = 15, QuantityName = "本周有效参与人数", QuantityUnit = "人",
            AlternativeThreshold = 5, AlternativeQuantityName = "点评或分享作品数", AlternativeQuantityUnit = "个",
            Description = "创建的活动每周有效参与人数达到15人，或教师在同一个活动中有效点评或分享的作品数达到5个。任一完成一项即可得分。",
        },
        new()
        {
            Type = PointTypes.HabitCheckIn, Category = PointCategory.Interaction, Name = "习惯养成", Points = 1, WeeklyCap = 5,
            Description = "教师使用空间开展培养学生良好习惯的打卡活动，学生参与或教师与学生互动可得分。",
        },
        // 教师研修
        new()
        {
            Type = PointTypes.ResearchActivity, Category = PointCategory.TeacherTraining, Name = "教研活动", Points = 5, WeeklyCap = 1,
            Description = "班级教师加入教育云平台下的名师工作室或课程社区参与教研活动。参与内容包括不限于：参与话题研讨、参与教研活动等。",
        },
        // 校园管理
        new()
        {
            Type = PointTypes.CampusOffice, Category = PointCategory.CampusManagement, Name = "校园办公", Points = 1, WeeklyCap = 10,
            Description = "教师使用智慧校园应用进行常态化办公和日常管理工作，包括提交申请和审批处理待办等。",
        },
        // Portal addition, not in circular 001: a published lab-teaching record (SPEC §4 "lab records"). Off by
        // default (issue 9 §2: it changed the circular's totals); a district may switch it on.
        new()
        {
            Type = PointTypes.LabRecordPublished, Category = PointCategory.TeachingApplication, Name = "实验课发布", Points = 2, WeeklyCap = 5,
            Enabled = false, Origins = PointEventOrigins.Portal,
            Description = "教师在本平台发布实验教学记录（本平台补充项目，默认不计分，可由市级管理员启用）。",
        },
    ];

    public static PointRuleSet For(int year) => new()
    {
        Year = year,
        StartDate = new DateOnly(year, 1, 1),
        PointsPerHour = DefaultPointsPerHour,
        Rules = Rules,
    };
}
