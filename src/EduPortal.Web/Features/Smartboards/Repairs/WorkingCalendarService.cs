using EduPortal.Data;
using EduPortal.Data.Auditing;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Smartboards;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Smartboards.Repairs;

/// <summary>A year's arrangement; <see cref="UpdatedByName"/> is null for a shipped default nobody has saved yet.</summary>
public sealed record CalendarYearView(int Year, string HolidaysText, string MakeUpDaysText, int HolidayCount, int MakeUpCount, string? UpdatedByName,
    DateTimeOffset UpdatedAt);

/// <summary>
/// The working-day calendar (holidays and 调休 per year, shared by the whole city since the State Council's arrangement is
/// national) and each county's tier deadlines. County and city admins edit the calendar; a county admin edits the
/// county's deadlines.
/// </summary>
public sealed class WorkingCalendarService(IDbContextFactory<EduPortalDbContext> dbFactory, TimeProvider clock)
{
    public const string AuditCalendar = "smartboards.calendar";
    public const string AuditDeadlines = "smartboards.repair-deadlines";

    public static bool MayEditCalendar(Caller caller) => caller.Level >= AdminLevel.County;

    public async Task<WorkingCalendar> CalendarAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await CalendarAsync(db, cancellationToken);
    }

    /// <summary>The stored years, plus the shipped defaults (<see cref="DefaultWorkingCalendars"/>) for years nobody has stored yet.</summary>
    public static async Task<WorkingCalendar> CalendarAsync(EduPortalDbContext db, CancellationToken cancellationToken) =>
        new(await YearsWithDefaultsAsync(db, cancellationToken));

    private static async Task<List<WorkingCalendarYear>> YearsWithDefaultsAsync(EduPortalDbContext db, CancellationToken cancellationToken)
    {
        var stored = await db.WorkingCalendarYears.AsNoTracking().ToListAsync(cancellationToken);
        var storedYears = stored.Select(y => y.Year).ToHashSet();
        return stored.Concat(DefaultWorkingCalendars.Create(DateTimeOffset.UnixEpoch).Where(y => !storedYears.Contains(y.Year))).OrderBy(y => y.Year).ToList();
    }

    /// <summary>The county's tier deadlines, or the defaults (2/3/5 working days) when it has set none.</summary>
    public static async Task<RepairDeadlines> DeadlinesAsync(EduPortalDbContext db, int countyId, CancellationToken cancellationToken) =>
        (await db.RepairDeadlineSettings.AsNoTracking().SingleOrDefaultAsync(s => s.CountyId == countyId, cancellationToken))?.Deadlines
        ?? RepairDeadlines.Default;

    public async Task<IReadOnlyDictionary<int, RepairDeadlines>> AllDeadlinesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.RepairDeadlineSettings.AsNoTracking().ToDictionaryAsync(s => s.CountyId, s => s.Deadlines, cancellationToken);
    }

    public async Task<IReadOnlyList<CalendarYearView>> YearsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var years = await YearsWithDefaultsAsync(db, cancellationToken);
        return years.Select(y => new CalendarYearView(y.Year, WorkingCalendarYear.FormatDates(y.Holidays), WorkingCalendarYear.FormatDates(y.MakeUpDays),
            y.Holidays.Count, y.MakeUpDays.Count, y.UpdatedByName, y.UpdatedAt)).ToList();
    }

    /// <summary>Saves one year's dates as typed on the page (days or ranges); a new year is created. Nothing is saved on an error.</summary>
    public async Task<Result> SaveYearAsync(Caller caller, int year, string? holidaysText, string? makeUpText, CancellationToken cancellationToken = default)
    {
        if (!MayEditCalendar(caller))
        {
            return new ForbiddenError("只有县级、市级管理员可以维护节假日与调休安排。");
        }
        var holidays = WorkingCalendarYear.ParseDates(holidaysText, nameof(WorkingCalendarYear.Holidays));
        var makeUp = WorkingCalendarYear.ParseDates(makeUpText, nameof(WorkingCalendarYear.MakeUpDays));
        if (!holidays.Succeeded || !makeUp.Succeeded)
        {
            var fields = new Dictionary<string, string>();
            foreach (var error in new[] { holidays.Error, makeUp.Error }.OfType<ValidationError>())
            {
                foreach (var (key, message) in error.Fields)
                {
                    fields[key] = message;
                }
            }
            return new ValidationError(fields);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var existing = await db.WorkingCalendarYears.SingleOrDefaultAsync(y => y.Year == year, cancellationToken);
        var before = existing is null ? null : new { 放假日 = existing.Holidays.Count, 调休上班日 = existing.MakeUpDays.Count };
        if (existing is null)
        {
            var created = WorkingCalendarYear.Create(year, holidays.Value!, makeUp.Value!, caller.RealName, now);
            if (!created.Succeeded)
            {
                return created.Error!;
            }
            existing = created.Value!;
            db.WorkingCalendarYears.Add(existing);
        }
        else
        {
            var updated = existing.Update(holidays.Value!, makeUp.Value!, caller.RealName, now);
            if (!updated.Succeeded)
            {
                return updated;
            }
        }
        db.Audit(caller, clock, AuditCalendar, nameof(WorkingCalendarYear), year.ToString(System.Globalization.CultureInfo.InvariantCulture), caller.OrgPath,
            $"{caller.RealName} 修改 {year} 年节假日与调休安排", before,
            new { 放假日 = existing.Holidays.Count, 调休上班日 = existing.MakeUpDays.Count });
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    public async Task<Result<RepairDeadlines>> DeadlinesForAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        var countyId = await CountyOfAsync(caller, cancellationToken);
        if (countyId is null)
        {
            return new ForbiddenError("各级维修期限由县区教育局设置。");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await DeadlinesAsync(db, countyId.Value, cancellationToken);
    }

    /// <summary>A county admin sets the county's tier deadlines in working days.</summary>
    public async Task<Result> SaveDeadlinesAsync(Caller caller, RepairDeadlines deadlines, CancellationToken cancellationToken = default)
    {
        if (caller.OrgKind != OrgUnitKind.County || !caller.IsAdmin)
        {
            return new ForbiddenError("各级维修期限由县区教育局的管理员设置。");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var setting = await db.RepairDeadlineSettings.SingleOrDefaultAsync(s => s.CountyId == caller.OrgUnitId, cancellationToken);
        var before = setting?.Deadlines ?? RepairDeadlines.Default;
        if (setting is null)
        {
            var created = RepairDeadlineSetting.Create(caller.OrgUnitId, deadlines, caller.RealName, now);
            if (!created.Succeeded)
            {
                return created.Error!;
            }
            db.RepairDeadlineSettings.Add(created.Value!);
        }
        else
        {
            var updated = setting.Update(deadlines, caller.RealName, now);
            if (!updated.Succeeded)
            {
                return updated;
            }
        }
        db.Audit(caller, clock, AuditDeadlines, nameof(RepairDeadlineSetting), caller.OrgUnitId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            caller.OrgPath, $"{caller.RealName} 修改{caller.OrgUnitName}报修各级处理期限",
            new { 学校 = before.SchoolDays, 乡镇 = before.TownshipDays, 县局 = before.BureauDays },
            new { 学校 = deadlines.SchoolDays, 乡镇 = deadlines.TownshipDays, 县局 = deadlines.BureauDays });
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    private async Task<int?> CountyOfAsync(Caller caller, CancellationToken cancellationToken)
    {
        if (caller.OrgKind == OrgUnitKind.County)
        {
            return caller.OrgUnitId;
        }
        if (caller.OrgKind == OrgUnitKind.City)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var countyPath = OrgUnit.AncestorPaths(caller.OrgPath)[1];
        return await db.OrgUnits.Where(o => o.Path == countyPath).Select(o => (int?)o.Id).SingleOrDefaultAsync(cancellationToken);
    }
}
