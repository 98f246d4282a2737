using EduPortal.Data;
using EduPortal.Data.Auditing;
using EduPortal.Data.Jurisdiction;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Common;
using EduPortal.Domain.LabRecords;
using EduPortal.Domain.Organization;
using EduPortal.Web.Infrastructure.Excel;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.LabRecords;

public sealed record CatalogueEntryRow(int Id, string OwnerName, LabSubject Subject, int Grade, string Code, string Name, LabKind Kind, bool Active, bool Editable);

/// <summary>
/// A subject's 开放记录 switch as the caller's unit sees it: whether its schools may record the subject, where that
/// comes from (this unit's switch, the city's, or the shipped default) and how many catalogue entries apply.
/// </summary>
public sealed record SubjectOpeningRow(LabSubject Subject, bool Open, string Source, int CatalogueEntries, bool Editable);

/// <summary>
/// The experiment catalogue (实验目录): the city maintains the district's entries, a county adds its own for its
/// schools. Entries are retired rather than deleted, because records cite them.
/// </summary>
public sealed class LabCatalogueService(IDbContextFactory<EduPortalDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<IReadOnlyList<CatalogueEntryRow>>> ListAsync(Caller caller, LabSubject? subject, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // The entries that apply to the caller's unit (from above) and those maintained inside its subtree.
        var entries = db.LabExperiments.AsNoTracking().WithinJurisdiction(caller);
        if (subject is { } s)
        {
            entries = entries.Where(e => e.Subject == s);
        }
        var rows = await entries.Join(db.OrgUnits, e => e.OwnerOrgUnitId, o => o.Id, (e, o) => new { Entry = e, OwnerName = o.Name })
            .OrderBy(x => x.Entry.Subject).ThenBy(x => x.Entry.Grade).ThenBy(x => x.Entry.OwnerPath).ThenBy(x => x.Entry.Code)
            .ToListAsync(cancellationToken);
        return rows.Select(x => new CatalogueEntryRow(x.Entry.Id, x.OwnerName, x.Entry.Subject, x.Entry.Grade, x.Entry.Code, x.Entry.Name, x.Entry.Kind, x.Entry.Active,
            x.Entry.CanBeEditedBy(caller))).ToList();
    }

    public async Task<Result<int>> AddAsync(Caller caller, CatalogueEntryInput input, CancellationToken cancellationToken = default)
    {
        if (!LabCatalogueRules.CanMaintain(caller))
        {
            return new ForbiddenError("只有县级或市级管理员可以维护实验目录。");
        }
        var problems = LabCatalogueRules.Validate(input);
        if (problems is not null)
        {
            return problems;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var code = input.Code!.Trim();
        if (await db.LabExperiments.AnyAsync(e => e.OwnerOrgUnitId == caller.OrgUnitId && e.Code == code, cancellationToken))
        {
            return ValidationError.For(nameof(input.Code), "本单位的实验目录中已有这个编号");
        }
        var entry = new LabExperiment(caller.OrgUnitId, caller.OrgPath, input.Subject!.Value, input.Grade!.Value, code, input.Name!.Trim(), input.Kind!.Value);
        db.LabExperiments.Add(entry);
        db.Audit(caller, clock, AuditActions.LabCatalogueChanged, nameof(LabExperiment), code, caller.OrgPath,
            $"{caller.RealName} 在实验目录中新增“{entry.Name}”", null, Describe(entry));
        await db.SaveChangesAsync(cancellationToken);
        return entry.Id;
    }

    public async Task<Result> UpdateAsync(Caller caller, int entryId, CatalogueEntryInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entry = await db.LabExperiments.WithinJurisdiction(caller).SingleOrDefaultAsync(e => e.Id == entryId, cancellationToken);
        if (entry is null)
        {
            return new NotFoundError();
        }
        if (!entry.CanBeEditedBy(caller))
        {
            return new ForbiddenError("只能修改本单位维护的实验目录条目。");
        }
        var problems = LabCatalogueRules.Validate(input with { Subject = entry.Subject, Grade = entry.Grade });
        if (problems is not null)
        {
            return problems;
        }
        var code = input.Code!.Trim();
        if (await db.LabExperiments.AnyAsync(e => e.OwnerOrgUnitId == entry.OwnerOrgUnitId && e.Code == code && e.Id != entryId, cancellationToken))
        {
            return ValidationError.For(nameof(input.Code), "本单位的实验目录中已有这个编号");
        }
        var before = Describe(entry);
        entry.Update(code, input.Name!.Trim(), input.Kind!.Value, input.Active);
        db.Audit(caller, clock, AuditActions.LabCatalogueChanged, nameof(LabExperiment), code, entry.OwnerPath,
            $"{caller.RealName} 修改实验目录条目“{entry.Name}”", before, Describe(entry));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    /// <summary>The 开放记录 switch of every subject for the caller's unit (circular 000 §二.3).</summary>
    public async Task<IReadOnlyList<SubjectOpeningRow>> OpeningsAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var path = caller.OrgPath;
        var settings = await db.LabSubjectOpenings.AsNoTracking().Where(o => path.StartsWith(o.OrgPath)).ToListAsync(cancellationToken);
        var entries = await db.LabExperiments.AsNoTracking().ApplyingTo(path).Where(e => e.Active)
            .GroupBy(e => e.Subject).Select(g => new { Subject = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Subject, x => x.Count, cancellationToken);
        var unitNames = await db.OrgUnits.AsNoTracking().Where(o => path.StartsWith(o.Path)).Select(o => new { o.Path, o.Name })
            .ToDictionaryAsync(o => o.Path, o => o.Name, cancellationToken);
        return LabSubjects.All.Select(subject =>
        {
            var nearest = settings.Where(o => o.Subject == subject).OrderByDescending(o => o.OrgPath.Length).FirstOrDefault();
            var source = nearest is null ? "默认" : nearest.OrgPath == path ? "本单位设置" : $"{unitNames.GetValueOrDefault(nearest.OrgPath, "上级")}设置";
            return new SubjectOpeningRow(subject, LabSubjectOpenings.IsOpenFor(subject, path, settings), source,
                entries.GetValueOrDefault(subject), LabCatalogueRules.CanMaintain(caller));
        }).ToList();
    }

    /// <summary>
    /// Opens or closes a subject for recording in the caller's unit (the city for every school, a county for its own).
    /// Opening is refused while no active catalogue entry of the subject applies to the unit.
    /// </summary>
    public async Task<Result> SetOpenAsync(Caller caller, LabSubject subject, bool open, CancellationToken cancellationToken = default)
    {
        if (!LabCatalogueRules.CanMaintain(caller))
        {
            return new ForbiddenError("只有县级或市级管理员可以开放或关闭学科记录。");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entries = await db.LabExperiments.ApplyingTo(caller.OrgPath).CountAsync(e => e.Active && e.Subject == subject, cancellationToken);
        var setting = await db.LabSubjectOpenings.SingleOrDefaultAsync(o => o.OrgUnitId == caller.OrgUnitId && o.Subject == subject, cancellationToken);
        var wasOpen = LabSubjectOpenings.IsOpenFor(subject, caller.OrgPath,
            await db.LabSubjectOpenings.AsNoTracking().Where(o => caller.OrgPath.StartsWith(o.OrgPath)).ToListAsync(cancellationToken));
        if (setting is null)
        {
            setting = new LabSubjectOpening(caller.OrgUnitId, caller.OrgPath, subject);
            db.LabSubjectOpenings.Add(setting);
        }
        var changed = setting.Set(open, entries, caller.RealName, clock.GetUtcNow());
        if (!changed.Succeeded)
        {
            return changed;
        }
        db.Audit(caller, clock, AuditActions.LabCatalogueChanged, nameof(LabSubjectOpening), subject.ToString(), caller.OrgPath,
            $"{caller.RealName} {(open ? "开放" : "关闭")}{subject.DisplayName()}学科的实验记录", new { 开放记录 = wasOpen ? "是" : "否" }, new { 开放记录 = open ? "是" : "否" });
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    /// <summary>The subjects the school at <paramref name="schoolPath"/> may not record yet (circular 000 §二.3).</summary>
    public static async Task<IReadOnlySet<LabSubject>> ClosedSubjectsAsync(EduPortalDbContext db, string schoolPath, CancellationToken cancellationToken)
    {
        var settings = await db.LabSubjectOpenings.AsNoTracking().Where(o => schoolPath.StartsWith(o.OrgPath)).ToListAsync(cancellationToken);
        return LabSubjects.All.Where(s => !LabSubjectOpenings.IsOpenFor(s, schoolPath, settings)).ToHashSet();
    }

    private static object Describe(LabExperiment e) => new { 学科 = e.Subject.DisplayName(), 年级 = SchoolClass.GradeName(e.Grade), 编号 = e.Code, 名称 = e.Name, 类型 = e.Kind.DisplayName(), 启用 = e.Active ? "是" : "否" };

    public static byte[] Export(IReadOnlyList<CatalogueEntryRow> rows) => ExcelExport.Build("实验目录", [
        new ExcelColumn<CatalogueEntryRow>("学科", r => r.Subject.DisplayName(), 10),
        new("年级", r => SchoolClass.GradeName(r.Grade), 10),
        new("编号", r => r.Code, 10),
        new("实验名称", r => r.Name, 40),
        new("类型", r => r.Kind.DisplayName(), 16),
        new("维护单位", r => r.OwnerName, 14),
        new("状态", r => r.Active ? "启用" : "停用", 8),
    ], rows);
}
