using EduPortal.Domain.Common;

namespace EduPortal.Domain.CloudSpaces;

/// <summary>The rubric of circular 001 附件1 (优秀教师空间评价标准): four indicators, 100 marks in all.</summary>
public static class AwardRubric
{
    public const int MaxCommentLength = 500;

    public static AwardCriterion Layout { get; } = new(nameof(AwardScoreInput.Layout), "布局设计", 10,
    [
        "栏目板块设置分类合理，功能使用方便快捷。",
        "页面导航清晰，颜色协调，简洁美观。",
        "开设个性化栏目，符合教育教学需求，体现个人特色。",
    ]);

    public static AwardCriterion Application { get; } = new(nameof(AwardScoreInput.Application), "综合应用", 50,
    [
        "信息完善：老师上传个人头像；绑定邮箱、手机号或微信号；有所在学校或班级任教学科。",
        "云备授课：网络备课教研活动内容丰富，记录完整，教研形式、途径和内容有创新。教师使用空间应用结合班班通设备进行多种教学活动，用文章记录教学成果，并积极分享。",
        "制作上传：教师使用教学应用完成原创课件及教学资源的制作，上传教师空间网盘并公开分享。",
        "测评答疑：对学生进行在线指导答疑，在线作业、测试等学习评价活动，过程记录完整。",
        "师生互动：教师、学生、家长互动信息丰富，记录完整，尊重他人知识产权。",
    ]);

    public static AwardCriterion Effect { get; } = new(nameof(AwardScoreInput.Effect), "应用效果", 20,
    [
        "群体深度参与，备课授课、网络研修、在线教学、指导评价成效显著。",
        "空间访问量大，更新及时，活跃度高，交流互动效果突出。",
    ]);

    public static AwardCriterion Innovation { get; } = new(nameof(AwardScoreInput.Innovation), "特色创新", 20,
    [
        "教学模式、学习模式、教研模式和教育资源共建共享模式有一定创新。",
    ]);

    public static IReadOnlyList<AwardCriterion> Criteria { get; } = [Layout, Application, Effect, Innovation];

    public static int MaxTotal => Criteria.Sum(c => c.Max);

    /// <summary>
    /// Each indicator is a whole number from 0 to its full marks; a total below the round's threshold needs a comment
    /// saying why.
    /// </summary>
    public static ValidationError? Validate(AwardScoreInput input, int commentBelow)
    {
        var builder = new ValidationBuilder();
        foreach (var (criterion, value) in Criteria.Zip([input.Layout, input.Application, input.Effect, input.Innovation]))
        {
            builder.Check(value is not null, criterion.Key, $"请填写{criterion.Name}得分")
                .Check(value is null || (value >= 0 && value <= criterion.Max), criterion.Key, $"{criterion.Name}得分须在 0 到 {criterion.Max} 分之间");
        }
        var comment = input.Comment?.Trim() ?? "";
        var total = input.Total;
        builder.Check(total is null || total >= commentBelow || comment.Length > 0, nameof(AwardScoreInput.Comment),
                $"总分低于 {commentBelow} 分，请填写评语说明理由")
            .Check(comment.Length <= MaxCommentLength, nameof(AwardScoreInput.Comment), $"评语不能超过 {MaxCommentLength} 个字");
        return builder.Build();
    }
}
