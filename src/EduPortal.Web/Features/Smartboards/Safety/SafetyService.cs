using EduPortal.Data;
using EduPortal.Data.Auditing;
using EduPortal.Data.Jurisdiction;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Smartboards;
using EduPortal.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Smartboards.Safety;

/// <summary>
/// Safety inspections against circular 003 §二.3's checklist, their findings (rectification deadline, responsible
/// person, sign-off with a photo, reminders) and the four policies of §一.4 with 责任部门 and 责任人.
/// </summary>
public sealed class SafetyService(IDbContextFactory<EduPortalDbContext> dbFactory, UploadPipeline uploads, TimeProvider clock,
    ILogger<SafetyService> logger)
{
    public const string JobActorId = "system:safety-reminder";
    public const string JobActorName = "系统（整改提醒）";

    /// <summary>Findings due within this many days (or overdue) are reminded.</summary>
    public const int ReminderDays = 3;

    public static readonly UploadPolicy PhotoPolicy = UploadPolicy.Photo with { Category = "safety-photos" };

    public async Task<IReadOnlyList<SafetySchoolOption>> SchoolsAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.OrgUnits.AsNoTracking().WithinJurisdiction(caller).Where(o => o.Kind == OrgUnitKind.School).OrderBy(o => o.Path)
            .Select(o => new SafetySchoolOption(o.Id, o.Name)).ToListAsync(cancellationToken);
    }

    public async Task<Result<int>> RecordAsync(Caller caller, int schoolId, DateOnly? inspectedOn, string? notes, IReadOnlyList<SafetyFindingInput> findings,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var school = await db.OrgUnits.AsNoTracking().WithinJurisdiction(caller).SingleOrDefaultAsync(o => o.Id == schoolId && o.Kind == OrgUnitKind.School,
            cancellationToken);
        if (school is null)
        {
            return ValidationError.For("SchoolId", "请选择您管辖范围内的学校");
        }
        if (inspectedOn is null)
        {
            return ValidationError.For("InspectedOn", "请填写检查日期");
        }
        var recorded = SafetyInspection.Record(caller, school.Id, school.Name, school.Path, inspectedOn.Value, notes, findings, clock);
        if (!recorded.Succeeded)
        {
            return recorded.Error!;
        }
        var inspection = recorded.Value!;
        db.SafetyInspections.Add(inspection);
        db.Audit(caller, clock, AuditActions.SmartboardSafetyInspection, nameof(SafetyInspection), $"school:{school.Id}", school.Path,
            $"{caller.RealName} 登记{school.Name} {ChinaTime.FormatDate(inspection.InspectedOn)} 班班通安全检查，发现问题 {inspection.Findings.Count} 项", null,
            new { 检查日期 = ChinaTime.FormatDate(inspection.InspectedOn), 问题 = inspection.Findings.Select(f => f.Item.DisplayName()).ToList() });
        await db.SaveChangesAsync(cancellationToken);
        return inspection.Id;
    }

    public async Task<IReadOnlyList<SafetyInspectionRow>> InspectionsAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.SafetyInspections.AsNoTracking().WithinJurisdiction(caller).OrderByDescending(i => i.InspectedOn).ThenByDescending(i => i.Id).Take(200)
            .Select(i => new SafetyInspectionRow(i.Id, i.SchoolName, i.InspectedOn, i.InspectorName, i.Findings.Count, i.Findings.Count(f => !f.IsRectified),
                i.Notes))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Findings in the caller's jurisdiction: open ones (overdue first), or all of the latest.</summary>
    public async Task<IReadOnlyList<SafetyFindingRow>> FindingsAsync(Caller caller, bool openOnly, CancellationToken cancellationToken = default)
    {
        if (!caller.IsAdmin && !caller.Has(Capability.Technician))
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = ChinaTime.Today(clock);
        var findings = db.SafetyFindings.AsNoTracking().WithinJurisdiction(caller);
        findings = openOnly ? findings.Where(f => !f.IsRectified).OrderBy(f => f.RectifyBy) : findings.OrderByDescending(f => f.Id);
        var rows = await findings.Take(300)
            .Join(db.SafetyInspections, f => f.InspectionId, i => i.Id, (f, i) => new { f, i.SchoolName, i.InspectedOn })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new SafetyFindingRow(r.f.Id, r.f.InspectionId, r.SchoolName, r.InspectedOn, r.f.Item, r.f.Problem, r.f.RectifyBy,
            r.f.ResponsiblePerson, r.f.IsRectified, r.f.SignOffNote, r.f.SignedOffByName, r.f.SignedOffAt, r.f.SignOffPhotoKey is not null,
            r.f.IsOverdue(today), r.f.MaySignOff(caller), r.f.Version)).ToList();
    }

    /// <summary>整改销号 with a photo of the rectified state.</summary>
    public async Task<Result> SignOffAsync(Caller caller, int findingId, int version, string? note, Stream? photo, long photoLength,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var finding = await db.SafetyFindings.WithinJurisdiction(caller).SingleOrDefaultAsync(f => f.Id == findingId, cancellationToken);
        if (finding is null)
        {
            return new NotFoundError();
        }
        if (finding.Version != version)
        {
            return new ConflictError("该问题已被其他人处理，请刷新后查看。");
        }
        // Refuse before storing anything when the caller may not sign off or the finding is closed.
        var check = finding.MaySignOff(caller) ? null : new ForbiddenError("只有学校管理员、技术员或上级管理员可以销号。");
        if (check is not null)
        {
            return check;
        }
        if (finding.IsRectified)
        {
            return new ConflictError("该问题已整改销号。");
        }
        var upload = await uploads.StoreOptionalAsync(photo, photoLength, PhotoPolicy, "Photo", cancellationToken);
        if (!upload.Succeeded)
        {
            return upload.Error!;
        }
        var stored = upload.Value;
        var result = finding.SignOff(caller, note, stored?.Key, clock);
        if (!result.Succeeded)
        {
            if (stored is not null)
            {
                await uploads.DeleteAsync(stored, CancellationToken.None);
            }
            return result;
        }
        db.Audit(caller, clock, AuditActions.SmartboardSafetySignOff, nameof(SafetyFinding), finding.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), finding.SchoolPath,
            $"{caller.RealName} 整改销号：{finding.Item.DisplayName()} {finding.Problem}", new { 状态 = "待整改" }, new { 状态 = "已整改", 整改情况 = finding.SignOffNote });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ConflictError("该问题已被其他人处理，请刷新后查看。");
        }
        return Result.Success;
    }

    public async Task<(Stream Stream, string ContentType)?> OpenPhotoAsync(Caller caller, int findingId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var key = await db.SafetyFindings.AsNoTracking().WithinJurisdiction(caller).Where(f => f.Id == findingId).Select(f => f.SignOffPhotoKey)
            .SingleOrDefaultAsync(cancellationToken);
        return await uploads.OpenAsync(key, cancellationToken);
    }

    /// <summary>
    /// The daily reminder job: open findings due within <see cref="ReminderDays"/> days or overdue are marked reminded
    /// today (the school's home card lists them); one audit entry per school. Running it twice a day changes nothing.
    /// </summary>
    public async Task<int> RemindAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = ChinaTime.Today(clock);
        var horizon = today.AddDays(ReminderDays);
        var due = await db.SafetyFindings.Where(f => !f.IsRectified && f.RectifyBy <= horizon && (f.RemindedOn == null || f.RemindedOn != today))
            .ToListAsync(cancellationToken);
        var reminded = due.Where(f => f.Remind(today, ReminderDays)).ToList();
        foreach (var school in reminded.GroupBy(f => f.SchoolPath))
        {
            var overdue = school.Count(f => f.IsOverdue(today));
            db.Audit(JobActorId, JobActorName, clock, AuditActions.SmartboardSafetyReminder, nameof(SafetyFinding), $"school:{school.First().SchoolId}", school.Key,
                $"提醒整改：{school.Count()} 项安全检查问题即将到期或已超期（超期 {overdue} 项）", null, null);
        }
        await db.SaveChangesAsync(cancellationToken);
        if (reminded.Count > 0)
        {
            logger.LogInformation("Safety reminders: {Count} findings reminded.", reminded.Count);
        }
        return reminded.Count;
    }

    public async Task<Result<IReadOnlyList<SchoolPolicyView>>> PoliciesAsync(Caller caller, int schoolId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.OrgUnits.WithinJurisdiction(caller).AnyAsync(o => o.Id == schoolId && o.Kind == OrgUnitKind.School, cancellationToken))
        {
            return new NotFoundError();
        }
        var recorded = await db.SchoolPolicies.AsNoTracking().Where(p => p.SchoolId == schoolId).ToListAsync(cancellationToken);
        return SchoolPolicyKinds.All.Select(kind => recorded.SingleOrDefault(p => p.Kind == kind) is { } p
            ? new SchoolPolicyView(kind, p.Department, p.ResponsiblePerson, p.AdoptedOn, p.Summary, p.UpdatedByName)
            : new SchoolPolicyView(kind, null, null, null, null, null)).ToList();
    }

    public async Task<Result> SavePolicyAsync(Caller caller, int schoolId, SchoolPolicyKind kind, string? department, string? responsiblePerson,
        DateOnly? adoptedOn, string? summary, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var school = await db.OrgUnits.AsNoTracking().WithinJurisdiction(caller).SingleOrDefaultAsync(o => o.Id == schoolId && o.Kind == OrgUnitKind.School,
            cancellationToken);
        if (school is null)
        {
            return new NotFoundError();
        }
        var policy = await db.SchoolPolicies.SingleOrDefaultAsync(p => p.SchoolId == schoolId && p.Kind == kind, cancellationToken);
        var before = policy is null ? null : new { 责任部门 = policy.Department, 责任人 = policy.ResponsiblePerson };
        if (policy is null)
        {
            var created = SchoolPolicy.Create(caller, school.Id, school.Path, kind, department, responsiblePerson, adoptedOn, summary, clock);
            if (!created.Succeeded)
            {
                return created.Error!;
            }
            policy = created.Value!;
            db.SchoolPolicies.Add(policy);
        }
        else
        {
            var updated = policy.Update(caller, department, responsiblePerson, adoptedOn, summary, clock);
            if (!updated.Succeeded)
            {
                return updated;
            }
        }
        db.Audit(caller, clock, AuditActions.SmartboardPolicy, nameof(SchoolPolicy), $"school:{school.Id}:{kind}", school.Path,
            $"{caller.RealName} 登记{school.Name}{kind.DisplayName()}（责任部门 {policy.Department}，责任人 {policy.ResponsiblePerson}）", before,
            new { 责任部门 = policy.Department, 责任人 = policy.ResponsiblePerson });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return new ConflictError("该制度刚被其他人登记，请刷新后查看。");
        }
        return Result.Success;
    }

    /// <summary>Schools in the caller's jurisdiction missing any of the four required policies (circular 003 §一.4).</summary>
    public async Task<IReadOnlyList<PolicyGapRow>> PolicyGapsAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var schools = await db.OrgUnits.AsNoTracking().WithinJurisdiction(caller).Where(o => o.Kind == OrgUnitKind.School).OrderBy(o => o.Path)
            .Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
        var recorded = (await db.SchoolPolicies.AsNoTracking().WithinJurisdiction(caller).Select(p => new { p.SchoolId, p.Kind }).ToListAsync(cancellationToken))
            .ToLookup(p => p.SchoolId, p => p.Kind);
        return schools.Select(s => new PolicyGapRow(s.Id, s.Name, SchoolPolicyKinds.Missing(recorded[s.Id]))).Where(r => r.Missing.Count > 0).ToList();
    }

    public async Task<SafetyHomeSummary> HomeAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        if (!caller.IsAdmin && !caller.Has(Capability.Technician))
        {
            return new SafetyHomeSummary(0, 0, 0, 0, 0);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = ChinaTime.Today(clock);
        var horizon = today.AddDays(ReminderDays);
        var open = db.SafetyFindings.WithinJurisdiction(caller).Where(f => !f.IsRectified);
        var openCount = await open.CountAsync(cancellationToken);
        var overdue = await open.CountAsync(f => f.RectifyBy < today, cancellationToken);
        var dueSoon = await open.CountAsync(f => f.RectifyBy >= today && f.RectifyBy <= horizon, cancellationToken);
        var gaps = caller.IsAdmin ? await PolicyGapsAsync(caller, cancellationToken) : [];
        var own = caller.OrgKind == OrgUnitKind.School ? gaps.SingleOrDefault(g => g.SchoolId == caller.OrgUnitId)?.Missing.Count ?? 0 : 0;
        return new SafetyHomeSummary(openCount, overdue, dueSoon, gaps.Count, own);
    }
}
