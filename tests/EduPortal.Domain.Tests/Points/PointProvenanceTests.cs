using EduPortal.Domain.Points;

namespace EduPortal.Domain.Tests.Points;

public sealed class PointProvenanceTests
{
    private static PointRule Rule(string type) => DefaultPointRules.Rules.Single(r => r.Type == type);

    [Fact]
    public void The_shipped_rules_keep_the_portals_own_events_to_the_portal_and_the_rest_to_platforms_and_imports()
    {
        Assert.All(DefaultPointRules.Rules, r => Assert.NotNull(r.Origins));
        foreach (var type in new[] { PointTypes.Login, PointTypes.ProfileComplete, PointTypes.LabRecordPublished })
        {
            Assert.Equal(PointEventOrigins.Portal, Rule(type).AllowedOrigins);
        }
        Assert.Equal(PointEventOrigins.Platform | PointEventOrigins.Import, Rule(PointTypes.Courseware).AllowedOrigins);
        // A rule table saved before origins existed (no Origins in its JSON) gets the shipped default.
        Assert.Equal(PointEventOrigins.Portal, (Rule(PointTypes.LabRecordPublished) with { Origins = null }).AllowedOrigins);
    }

    [Fact]
    public void A_rule_may_name_the_platform_keys_allowed_to_post_it_and_nobody_imports_for_themselves()
    {
        var courseware = Rule(PointTypes.Courseware) with { PlatformSources = ["edu-cloud"] };
        Assert.Null(PointProvenance.Check(courseware, PointEventOrigins.Platform, "t1", platformSource: "EDU-CLOUD"));
        Assert.Equal("该密钥（来源 office-app）不能提交“课件制作”事件", PointProvenance.Check(courseware, PointEventOrigins.Platform, "t1", platformSource: "office-app"));
        Assert.Null(PointProvenance.Check(courseware, PointEventOrigins.Import, "t1", importerId: "admin"));
        Assert.Equal("不能为自己的账号导入积分事件", PointProvenance.Check(courseware, PointEventOrigins.Import, "admin", importerId: "admin"));
        Assert.Equal("“实验课发布”不接受表格导入（来源：本平台记录）",
            PointProvenance.Check(Rule(PointTypes.LabRecordPublished), PointEventOrigins.Import, "t1", importerId: "admin"));
    }
}
