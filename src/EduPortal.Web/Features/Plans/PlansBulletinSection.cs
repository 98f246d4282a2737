using EduPortal.Domain.Bulletins;
using EduPortal.Domain.Common;
using EduPortal.Domain.Plans;
using EduPortal.Web.Infrastructure.Bulletins;
using static EduPortal.Web.Infrastructure.Bulletins.BulletinTables;

namespace EduPortal.Web.Features.Plans;

/// <summary>工作方案推进情况: the overdue tasks and off-track targets of the unit's subtree (<see cref="PlanService.AlertsAsync"/>), as of the week's Sunday.</summary>
public sealed class PlansBulletinSection(PlanService plans) : IBulletinSection
{
    public string Key => "plans.alerts";
    public string Title => "工作方案推进情况";
    public int Order => 80;

    public async Task<BulletinSectionData> BuildAsync(BulletinScope scope, BulletinWeek week, CancellationToken cancellationToken)
    {
        var alerts = await plans.AlertsAsync(scope.UnitPath, week.Sunday, cancellationToken);
        var tasks = new BulletinTable("逾期未完成的任务", ["任务", "所属方案", "完成期限", "责任单位"],
            alerts.OverdueTasks.Select(t => (IReadOnlyList<string>)[t.Title, t.PlanTitle, ChinaTime.FormatDate(t.DueDate), t.ResponsibleUnitName]).ToList())
        {
            Note = alerts.OverdueCount > alerts.OverdueTasks.Count ? $"共 {alerts.OverdueCount} 项，仅列出前 {alerts.OverdueTasks.Count} 项" : null,
        };
        var targets = new BulletinTable("偏离进度的目标", ["目标", "范围", "当前值", "状态"],
            alerts.OffTrackTargets.Select(t => (IReadOnlyList<string>)[t.Name, t.ScopeName, Number(t.Evaluation.Actual, t.Unit == "%" ? "%" : ""),
                t.Evaluation.Status == TrajectoryStatus.Missed ? "未达成" : "有风险"]).ToList());
        var summary = alerts.IsEmpty ? "本周无逾期任务，各目标均按进度推进。"
            : $"截至{ChinaTime.FormatDateLong(week.Sunday)}，逾期未完成任务 {alerts.OverdueCount} 项，偏离进度的目标 {alerts.OffTrackTargets.Count} 个。";
        return new BulletinSectionData(Key, Title, Order, summary, [tasks, targets], []);
    }
}
