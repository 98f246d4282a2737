using EduPortal.Data;
using EduPortal.Data.Auditing;
using EduPortal.Data.Points;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Common;
using EduPortal.Domain.Points;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Points;

public sealed record RuleVersionRow(int Version, DateTimeOffset CreatedAt, string CreatedByName, string Note);

/// <summary>The rule table per year: the latest saved version, or the circular's default until a city admin saves one.</summary>
public sealed class PointRuleService(IDbContextFactory<EduPortalDbContext> dbFactory, TimeProvider clock)
{
    public async Task<PointRuleSet> GetAsync(int year, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await PointRuleSets.LoadAsync(db, year, cancellationToken);
    }

    /// <summary>The points year holding today (China time).</summary>
    public async Task<int> CurrentYearAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await PointRuleSets.ForDayAsync(db, ChinaTime.Today(clock), cancellationToken)).Year;
    }

    public async Task<IReadOnlyList<RuleVersionRow>> VersionsAsync(int year, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.PointRuleSetVersions.AsNoTracking().Where(v => v.Year == year)
            .Select(v => new { v.Version, v.CreatedAt, v.CreatedByName, v.Note }).ToListAsync(cancellationToken);
        return rows.OrderByDescending(v => v.Version).Select(v => new RuleVersionRow(v.Version, v.CreatedAt, v.CreatedByName, v.Note)).ToList();
    }

    /// <summary>Saves an edited table as the year's next version (city admins only); audited with before and after.</summary>
    public async Task<Result<int>> SaveAsync(Caller caller, PointRuleSet edited, string note, CancellationToken cancellationToken = default)
    {
        if (caller.Level != AdminLevel.City)
        {
            return new ForbiddenError("只有市级管理员可以修改计分规则。");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var before = await PointRuleSets.LoadAsync(db, edited.Year, cancellationToken);
        var version = (await db.PointRuleSetVersions.Where(v => v.Year == edited.Year).MaxAsync(v => (int?)v.Version, cancellationToken) ?? 0) + 1;
        var created = PointRuleSetVersion.Create(edited, version, caller.UserId, caller.RealName, note, clock.GetUtcNow());
        if (!created.Succeeded)
        {
            return created.Error!;
        }
        db.PointRuleSetVersions.Add(created.Value!);
        db.Audit(caller, clock, AuditActions.PointRulesChanged, "PointRuleSet", $"{edited.Year}-v{version}", caller.OrgPath,
            $"修改{edited.Year}年度深度应用指数计分规则（第 {version} 版）", Describe(before, edited, onlyChanged: true), Describe(edited, before, onlyChanged: true));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return new ConflictError("其他管理员刚刚保存了新版本，请刷新后重试。");
        }
        return version;
    }

    /// <summary>Rows as an admin reads them, for the audit log's before/after.</summary>
    private static Dictionary<string, string> Describe(PointRuleSet set, PointRuleSet other, bool onlyChanged)
    {
        var result = new Dictionary<string, string>();
        if (!onlyChanged || set.PointsPerHour != other.PointsPerHour)
        {
            result["折算比例"] = $"{set.PointsPerHour} 分/学时";
        }
        if (!onlyChanged || set.StartDate != other.StartDate)
        {
            result["年度起始"] = set.StartDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }
        foreach (var rule in set.Rules)
        {
            var counterpart = other.Find(rule.Type);
            if (!onlyChanged || counterpart != rule)
            {
                result[rule.Name] = (rule.Enabled ? "" : "（停用）") + rule.RuleText;
            }
        }
        return result;
    }
}
