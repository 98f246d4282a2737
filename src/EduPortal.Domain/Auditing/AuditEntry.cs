namespace EduPortal.Domain.Auditing;

/// <summary>One append-only line of the audit log: who did what to which thing, with before/after snapshots.</summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
    }

    public long Id { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public string ActorId { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    /// <summary>A stable action code such as <c>account.level</c>; see <see cref="AuditActions"/>.</summary>
    public string Action { get; private set; } = "";
    public string EntityType { get; private set; } = "";
    public string EntityId { get; private set; } = "";
    /// <summary>Org path of the thing changed, so the log can be scoped to a jurisdiction.</summary>
    public string OrgPath { get; private set; } = "";
    public string Summary { get; private set; } = "";
    public string? Before { get; private set; }
    public string? After { get; private set; }

    public static AuditEntry Create(DateTimeOffset at, string actorId, string actorName, string action, string entityType,
        string entityId, string orgPath, string summary, string? before, string? after) => new()
        {
            OccurredAt = at,
            ActorId = actorId,
            ActorName = actorName,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            OrgPath = orgPath,
            Summary = summary,
            Before = before,
            After = after,
        };
}

public static class AuditActions
{
    public const string ExportRequested = "export.requested";
    public const string ExportsExpired = "export.expired";
    public const string AccountRegistered = "account.registered";
    public const string AccountApproved = "account.approved";
    public const string AccountRejected = "account.rejected";
    public const string AccountLevelChanged = "account.level";
    public const string AccountCapabilitiesChanged = "account.capabilities";
    public const string AccountStatusChanged = "account.status";
    public const string AccountProfileChanged = "account.profile";
    public const string AccountImported = "account.imported";
    public const string AccountLockedOut = "account.lockout";
    public const string AccountPasswordReset = "account.password-reset";
    public const string AccountUnlocked = "account.unlock";
    public const string OrgUnitCreated = "org.created";
    public const string OrgUnitUpdated = "org.updated";
    public const string ClassAdded = "org.class.added";
    public const string ClassRemoved = "org.class.removed";
    // Weekly bulletins (工作周通报, circular 000 §二).
    public const string BulletinGenerated = "bulletin.generated";
    public const string BulletinForeword = "bulletin.foreword";
    public const string BulletinPublished = "bulletin.published";
    public const string BulletinPublishFailed = "bulletin.publish-failed";
    public const string BulletinSettingsChanged = "bulletin.settings";
    public const string PlanCreated = "plan.created";
    public const string PlanChanged = "plan.changed";
    public const string PlanTaskAdded = "plan.task.added";
    public const string PlanTaskBrokenDown = "plan.task.broken-down";
    public const string PlanTaskProgress = "plan.task.progress";
    public const string PlanTaskCompleted = "plan.task.completed";
    public const string PlanTargetSet = "plan.target.set";
    public const string PlanTargetValueEntered = "plan.target.value-entered";
    public const string PlanTargetValueCorrected = "plan.target.value-corrected";
    public const string FeedbackSaved = "plan.feedback.saved";
    public const string FeedbackSubmitted = "plan.feedback.submitted";
    public const string FeedbackReplied = "plan.feedback.replied";
    public const string FeedbackHandled = "plan.feedback.handled";
    public const string SurveyRoundOpened = "survey.round.opened";
    public const string SurveyRoundClosed = "survey.round.closed";
    public const string SurveySubmitted = "survey.submitted";
    public const string SurveyReturned = "survey.returned";
    public const string SurveyReminded = "survey.reminded";

    // Lab records (circular 000 §三): one code per transition, plus deletion and catalogue edits.
    public const string LabPublished = "lab.publish";
    public const string LabWithdrawn = "lab.withdraw";
    public const string LabReported = "lab.report";
    public const string LabApproved = "lab.approve";
    public const string LabReturned = "lab.return";
    public const string LabReviewRevoked = "lab.revoke";
    public const string LabReportsRestored = "lab.restore-reports";
    public const string LabDeleted = "lab.delete";
    public const string LabCatalogueChanged = "lab.catalogue";
    public const string PointRulesChanged = "points.rules";
    public const string PointRecomputeRequested = "points.recompute";
    public const string PointApiKeyIssued = "points.key.issued";
    public const string PointApiKeyRevoked = "points.key.revoked";
    public const string PointEventsImported = "points.imported";

    // 班班通 register (Smartboards): rooms, devices, ledger import, transfers, network and staffing records.
    public const string SmartboardClassroomSaved = "smartboards.classroom.saved";
    public const string SmartboardClassroomDeleted = "smartboards.classroom.deleted";
    public const string SmartboardDeviceRegistered = "smartboards.device.registered";
    public const string SmartboardDeviceUpdated = "smartboards.device.updated";
    public const string SmartboardDeviceStatusChanged = "smartboards.device.status";
    public const string SmartboardDevicesImported = "smartboards.device.imported";
    public const string SmartboardTransferChanged = "smartboards.transfer";
    public const string SmartboardNetworkUpdated = "smartboards.network";
    public const string SmartboardTechnicianPostUpdated = "smartboards.technician";
    public const string SmartboardLessonRecorded = "smartboards.lesson.recorded";
    public const string SmartboardLessonDeleted = "smartboards.lesson.deleted";
    public const string SmartboardLessonsImported = "smartboards.lesson.imported";
    public const string SmartboardDemoLessonRecorded = "smartboards.demo-lesson.recorded";
    public const string SmartboardDemoLessonDeleted = "smartboards.demo-lesson.deleted";
    public const string SmartboardCompetitionChanged = "smartboards.competition";
    // 班班通 repairs (circular 003 §二.4) and safety inspections and policies (§二.3, §一.4).
    public const string SmartboardRepairRaised = "smartboards.repair.raised";
    public const string SmartboardRepairTaken = "smartboards.repair.taken";
    public const string SmartboardRepairWorked = "smartboards.repair.worked";
    public const string SmartboardRepairEscalated = "smartboards.repair.escalated";
    public const string SmartboardRepairAutoEscalated = "smartboards.repair.auto-escalated";
    public const string SmartboardRepairResolved = "smartboards.repair.resolved";
    public const string SmartboardRepairAccepted = "smartboards.repair.accepted";
    public const string SmartboardSafetyInspection = "smartboards.safety.inspection";
    public const string SmartboardSafetySignOff = "smartboards.safety.signoff";
    public const string SmartboardSafetyReminder = "smartboards.safety.reminder";
    public const string SmartboardPolicy = "smartboards.policy";
    public const string AwardRoundCreated = "cloudspaces.award.round.created";
    public const string AwardRoundChanged = "cloudspaces.award.round.changed";
    public const string AwardNominated = "cloudspaces.award.nominated";
    public const string AwardNominationWithdrawn = "cloudspaces.award.withdrawn";
    public const string AwardExpertAssigned = "cloudspaces.award.assigned";
    public const string AwardScored = "cloudspaces.award.scored";
    // Circulars (通知, SPEC §8).
    public const string CircularSaved = "circulars.saved";
    public const string CircularPublished = "circulars.published";
    public const string CircularWithdrawn = "circulars.withdrawn";
    public const string CircularAcknowledged = "circulars.acknowledged";
    public const string CircularReminded = "circulars.reminded";
    public const string CircularReplied = "circulars.replied";
    public const string CircularReceiptsExported = "circulars.receipts.exported";
    public const string AwardDeepComputed = "cloudspaces.award.deep.computed";
    public const string AwardTierOverridden = "cloudspaces.award.tier.overridden";
    public const string AwardPublished = "cloudspaces.award.published";

    // School news (circular 001 §四(二)1), operation guides and users' feedback (circular 000 §三.3).
    public const string NewsSubmitted = "news.submitted";
    public const string NewsEdited = "news.edited";
    public const string NewsPublished = "news.published";
    public const string NewsReturned = "news.returned";
    public const string NewsRecommended = "news.recommended";
    public const string NewsFeatured = "news.featured";
    public const string NewsDeclined = "news.declined";
    public const string GuideEdited = "guide.edited";
    public const string UserFeedbackSent = "feedback.sent";
    public const string UserFeedbackAnswered = "feedback.answered";
    public const string UserFeedbackClosed = "feedback.closed";

    // Cloud spaces (circular 001 §四(二)2): term assessments, statistics, hand entries, the school's award.
    public const string CloudSpaceTermOpened = "cloudspaces.term.opened";
    public const string CloudSpaceTermConfigured = "cloudspaces.term.configured";
    public const string CloudSpaceStatisticsImported = "cloudspaces.statistics.imported";
    public const string CloudSpaceManualEntry = "cloudspaces.manual-entry";
    public const string CloudSpaceAwardAssessed = "cloudspaces.award.assessed";
    public const string CloudSpaceAwardOverridden = "cloudspaces.award.overridden";

    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        [AccountRegistered] = "教师注册",
        [AccountApproved] = "注册通过",
        [AccountRejected] = "注册驳回",
        [AccountLevelChanged] = "管理级别变更",
        [AccountCapabilitiesChanged] = "附加权限变更",
        [AccountStatusChanged] = "账号状态变更",
        [AccountProfileChanged] = "个人资料变更",
        [AccountImported] = "批量导入教师",
        [AccountLockedOut] = "登录失败锁定",
        [AccountPasswordReset] = "重置密码",
        [AccountUnlocked] = "解除锁定",
        [OrgUnitCreated] = "新建单位",
        [OrgUnitUpdated] = "修改单位",
        [ClassAdded] = "新增班级",
        [ClassRemoved] = "删除班级",
        [LabPublished] = "实验记录发布",
        [LabWithdrawn] = "实验记录撤回",
        [LabReported] = "实验记录举报",
        [LabApproved] = "实验记录审核通过",
        [LabReturned] = "实验记录退回",
        [LabReviewRevoked] = "实验记录撤消审核",
        [LabReportsRestored] = "批量恢复被恶意举报的实验记录",
        [LabDeleted] = "实验记录删除",
        [LabCatalogueChanged] = "实验目录变更",
        [PlanCreated] = "制订工作方案",
        [PlanChanged] = "修改工作方案",
        [PlanTaskAdded] = "添加方案任务",
        [PlanTaskBrokenDown] = "分解任务到学校",
        [PlanTaskProgress] = "填报任务进展",
        [PlanTaskCompleted] = "完成方案任务",
        [PlanTargetSet] = "设定方案目标",
        [PlanTargetValueEntered] = "填报目标数值",
        [PlanTargetValueCorrected] = "更正目标填报值",
        [FeedbackSaved] = "保存县区工作反馈",
        [FeedbackSubmitted] = "提交县区工作反馈",
        [FeedbackReplied] = "回复县区工作反馈",
        [FeedbackHandled] = "处理县区工作反馈",
        [ExportRequested] = "申请后台导出",
        [ExportsExpired] = "删除过期导出文件",
        [SurveyRoundOpened] = "发起实验教学调查",
        [SurveyRoundClosed] = "结束实验教学调查",
        [SurveySubmitted] = "提交调查表",
        [SurveyReturned] = "退回调查表",
        [SurveyReminded] = "催办调查表",
        [PointRulesChanged] = "修改计分规则",
        [PointRecomputeRequested] = "重新计算积分",
        [PointApiKeyIssued] = "签发接入密钥",
        [PointApiKeyRevoked] = "吊销接入密钥",
        [PointEventsImported] = "导入积分事件",
        [SmartboardClassroomSaved] = "班班通教室登记",
        [SmartboardClassroomDeleted] = "班班通教室删除",
        [SmartboardDeviceRegistered] = "班班通设备登记",
        [SmartboardDeviceUpdated] = "班班通设备修改",
        [SmartboardDeviceStatusChanged] = "班班通设备状态变更",
        [SmartboardDevicesImported] = "班班通台账导入",
        [SmartboardTransferChanged] = "闲置设备调配",
        [SmartboardNetworkUpdated] = "学校网络接入变更",
        [SmartboardTechnicianPostUpdated] = "技术人员岗位变更",
        [SmartboardLessonRecorded] = "班班通课时登记",
        [SmartboardLessonDeleted] = "班班通课时删除",
        [SmartboardLessonsImported] = "班班通课时导入",
        [SmartboardDemoLessonRecorded] = "观摩课示范课登记",
        [SmartboardDemoLessonDeleted] = "观摩课示范课删除",
        [SmartboardCompetitionChanged] = "班班通应用竞赛",
        [CloudSpaceTermOpened] = "开启云空间学期考核",
        [CloudSpaceTermConfigured] = "修改云空间考核标准",
        [CloudSpaceStatisticsImported] = "导入云空间统计",
        [CloudSpaceManualEntry] = "人工录入云空间目标",
        [CloudSpaceAwardAssessed] = "评定学校优秀教师空间",
        [CloudSpaceAwardOverridden] = "调整优秀教师空间奖次",
        [AwardRoundCreated] = "发起区级空间评比",
        [AwardRoundChanged] = "修改区级空间评比",
        [AwardNominated] = "空间评比报名",
        [AwardNominationWithdrawn] = "撤回空间评比报名",
        [AwardExpertAssigned] = "分配评审专家",
        [AwardScored] = "专家评分",
        [CircularSaved] = "保存通知草稿",
        [CircularPublished] = "发布通知",
        [CircularWithdrawn] = "撤回通知",
        [CircularAcknowledged] = "签收通知",
        [CircularReminded] = "催办通知签收",
        [CircularReplied] = "回复通知",
        [CircularReceiptsExported] = "导出通知签收情况",
        [AwardDeepComputed] = "评定深度应用奖项",
        [AwardTierOverridden] = "调整获奖等次",
        [AwardPublished] = "发布空间评比结果",
        [NewsSubmitted] = "新闻投稿",
        [NewsEdited] = "修改新闻",
        [NewsPublished] = "发布学校新闻",
        [NewsReturned] = "退回新闻稿件",
        [NewsRecommended] = "推荐新闻到县区",
        [NewsFeatured] = "县区精选新闻",
        [NewsDeclined] = "县区未采用新闻",
        [GuideEdited] = "修改操作指南",
        [UserFeedbackSent] = "提交意见建议",
        [UserFeedbackAnswered] = "回复意见建议",
        [UserFeedbackClosed] = "关闭意见建议",
        [BulletinGenerated] = "生成工作周通报",
        [BulletinForeword] = "填写通报按语",
        [BulletinPublished] = "发布工作周通报",
        [BulletinPublishFailed] = "工作周通报发布失败",
        [BulletinSettingsChanged] = "修改通报设置",
    };

    public static string DisplayName(string action) => Names.TryGetValue(action, out var name) ? name : action;
}
