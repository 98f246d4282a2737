using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;

namespace EduPortal.Domain.Plans;

/// <summary>
/// A work plan (工作方案) of the city, a county or a school (SPEC §7; circular 004 is the 麻城 city pilot plan): its
/// document number, period, leadership group, member offices with duties and each school's 分管领导. Tasks and
/// targets hang off it (<see cref="PlanTask"/>, <see cref="PlanTarget"/>).
/// </summary>
public sealed class Plan
{
    public const int MaxTitleLength = 100;
    public const int MaxDocumentNumberLength = 50;
    public const int MaxNameLength = 30;
    public const int MaxPostLength = 60;
    public const int MaxDutyLength = 300;

    private Plan()
    {
    }

    public int Id { get; private set; }
    public int OwnerUnitId { get; private set; }
    public string OwnerName { get; private set; } = "";
    /// <summary>The owner unit's org path, copied so jurisdiction applies without a join.</summary>
    public string OwnerPath { get; private set; } = "";
    public OrgUnitKind OwnerKind { get; private set; }
    public string Title { get; private set; } = "";
    /// <summary>文号, e.g. 麻教〔2012〕12号; optional.</summary>
    public string? DocumentNumber { get; private set; }
    public DateOnly PeriodStart { get; private set; }
    public DateOnly PeriodEnd { get; private set; }
    public string CreatedById { get; private set; } = "";
    public string CreatedByName { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public List<PlanLeader> Leaders { get; private set; } = [];
    public List<PlanOffice> Offices { get; private set; } = [];
    public List<PlanSchoolLead> SchoolLeads { get; private set; } = [];

    /// <summary>
    /// An admin of a city, county or school unit creates a plan for that unit (a township centre plans through its county).
    /// </summary>
    public static Result<Plan> Create(Caller caller, PlanUnit owner, string title, DateOnly periodStart, DateOnly periodEnd,
        string? documentNumber, DateTimeOffset now)
    {
        if (!caller.IsAdmin || caller.OrgUnitId != owner.Id || owner.Kind == OrgUnitKind.Township)
        {
            return new ForbiddenError("只有市、县区或学校的管理员可以为本单位制订工作方案。");
        }
        var trimmedTitle = title?.Trim() ?? "";
        var number = string.IsNullOrWhiteSpace(documentNumber) ? null : documentNumber.Trim();
        var error = new ValidationBuilder()
            .Check(trimmedTitle.Length > 0, nameof(Title), "请填写方案名称")
            .Check(trimmedTitle.Length <= MaxTitleLength, nameof(Title), $"方案名称不能超过 {MaxTitleLength} 个字")
            .Check(number is null || number.Length <= MaxDocumentNumberLength, nameof(DocumentNumber), $"文号不能超过 {MaxDocumentNumberLength} 个字")
            .Check(periodEnd >= periodStart, nameof(PeriodEnd), "结束日期不能早于开始日期")
            .Check(periodEnd <= periodStart.AddYears(5), nameof(PeriodEnd), "方案周期不能超过五年")
            .Build();
        if (error is not null)
        {
            return error;
        }
        return new Plan
        {
            OwnerUnitId = owner.Id,
            OwnerName = owner.Name,
            OwnerPath = owner.Path,
            OwnerKind = owner.Kind,
            Title = trimmedTitle,
            DocumentNumber = number,
            PeriodStart = periodStart,
            PeriodEnd = periodEnd,
            CreatedById = caller.UserId,
            CreatedByName = caller.RealName,
            CreatedAt = now,
        };
    }

    /// <summary>
    /// Everyone in the owner's subtree sees the plan (its schools work to it), and so do the admins above the owner
    /// (the city follows a county's plan). Only the owner unit's admins change it.
    /// </summary>
    public PlanPermissions PermissionsFor(Caller caller) => new(
        CanView: CanView(caller),
        CanEdit: CanEdit(caller),
        CanNameSchoolLead: CanEdit(caller) || (caller.IsAdmin && caller.OrgKind == OrgUnitKind.School && OrgUnit.PathContains(OwnerPath, caller.OrgPath)));

    public bool CanView(Caller caller) => OrgUnit.PathContains(OwnerPath, caller.OrgPath) || (caller.IsAdmin && caller.Covers(OwnerPath));

    public bool CanEdit(Caller caller) => caller.IsAdmin && caller.OrgUnitId == OwnerUnitId;

    public Result AddLeader(Caller caller, PlanLeaderRole role, string name, string post)
    {
        if (!CanEdit(caller))
        {
            return new ForbiddenError("只有方案所属单位的管理员可以修改领导小组。");
        }
        var (n, p) = (name?.Trim() ?? "", post?.Trim() ?? "");
        var error = new ValidationBuilder()
            .Check(Enum.IsDefined(role), nameof(PlanLeader.Role), "请选择职务")
            .Check(n.Length > 0, nameof(PlanLeader.Name), "请填写姓名")
            .Check(n.Length <= MaxNameLength, nameof(PlanLeader.Name), $"姓名不能超过 {MaxNameLength} 个字")
            .Check(p.Length <= MaxPostLength, nameof(PlanLeader.Post), $"职务说明不能超过 {MaxPostLength} 个字")
            .Check(role != PlanLeaderRole.Leader || Leaders.All(l => l.Role != PlanLeaderRole.Leader), nameof(PlanLeader.Role), "领导小组只有一名组长")
            .Build();
        if (error is not null)
        {
            return error;
        }
        Leaders.Add(new PlanLeader(role, n, p));
        return Result.Success;
    }

    public Result AddOffice(Caller caller, string name, string duty)
    {
        if (!CanEdit(caller))
        {
            return new ForbiddenError("只有方案所属单位的管理员可以修改成员处室。");
        }
        var (n, d) = (name?.Trim() ?? "", duty?.Trim() ?? "");
        var error = new ValidationBuilder()
            .Check(n.Length > 0, nameof(PlanOffice.Name), "请填写处室名称")
            .Check(n.Length <= MaxNameLength, nameof(PlanOffice.Name), $"处室名称不能超过 {MaxNameLength} 个字")
            .Check(Offices.All(o => o.Name != n), nameof(PlanOffice.Name), "该处室已在名单中")
            .Check(d.Length > 0, nameof(PlanOffice.Duty), "请填写职责")
            .Check(d.Length <= MaxDutyLength, nameof(PlanOffice.Duty), $"职责不能超过 {MaxDutyLength} 个字")
            .Build();
        if (error is not null)
        {
            return error;
        }
        Offices.Add(new PlanOffice(n, d));
        return Result.Success;
    }

    /// <summary>
    /// Names (or changes) a school's 分管领导 (circular 004 §六(一)5): the school's own admin, or the plan's owner, for a
    /// school inside the plan's owner unit.
    /// </summary>
    public Result NameSchoolLead(Caller caller, PlanUnit school, string leaderName, string post)
    {
        if (school.Kind != OrgUnitKind.School || !OrgUnit.PathContains(OwnerPath, school.Path))
        {
            return new NotFoundError();
        }
        if (!CanEdit(caller) && !(caller.IsAdmin && caller.OrgUnitId == school.Id))
        {
            return new ForbiddenError("只有本校或方案所属单位的管理员可以指定分管领导。");
        }
        var (n, p) = (leaderName?.Trim() ?? "", post?.Trim() ?? "");
        var error = new ValidationBuilder()
            .Check(n.Length > 0, nameof(PlanSchoolLead.LeaderName), "请填写分管领导姓名")
            .Check(n.Length <= MaxNameLength, nameof(PlanSchoolLead.LeaderName), $"姓名不能超过 {MaxNameLength} 个字")
            .Check(p.Length <= MaxPostLength, nameof(PlanSchoolLead.Post), $"职务不能超过 {MaxPostLength} 个字")
            .Build();
        if (error is not null)
        {
            return error;
        }
        var existing = SchoolLeads.FirstOrDefault(s => s.SchoolId == school.Id);
        if (existing is null)
        {
            SchoolLeads.Add(new PlanSchoolLead(school.Id, school.Name, n, p));
        }
        else
        {
            existing.Change(n, p);
        }
        return Result.Success;
    }
}
