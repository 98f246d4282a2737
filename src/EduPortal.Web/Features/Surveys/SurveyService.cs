using EduPortal.Data;
using EduPortal.Data.Accounts;
using EduPortal.Data.Auditing;
using EduPortal.Data.Jurisdiction;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Surveys;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Surveys;

/// <summary>
/// The lab-teaching survey (SPEC §3, circular 000 附件1): rounds, each school's form (drafts, submit,
/// return, history), the completion board with totals and registration rates, reminders.
/// Every query starts from a <c>WithinJurisdiction</c> extension.
/// </summary>
public sealed class SurveyService(IDbContextFactory<EduPortalDbContext> dbFactory, TimeProvider clock)
{
    private const string RoundNotFound = "未找到该调查，或不在您的管辖范围内。";
    private static readonly System.Globalization.CompareInfo ChineseOrder = System.Globalization.CultureInfo.GetCultureInfo("zh-CN").CompareInfo;
    private static readonly Comparer<System.Globalization.SortKey> BySortKey = Comparer<System.Globalization.SortKey>.Create(System.Globalization.SortKey.Compare);

    public async Task<IReadOnlyList<RoundSummary>> GetRoundsAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rounds = await db.SurveyRounds.AsNoTracking().WithinJurisdiction(caller)
            .OrderByDescending(r => r.Id).ToListAsync(cancellationToken);
        var schools = await db.OrgUnits.AsNoTracking().WithinJurisdiction(caller).Where(o => o.Kind == OrgUnitKind.School)
            .Select(o => o.Path).ToListAsync(cancellationToken);
        var roundIds = rounds.Select(r => r.Id).ToList();
        var submitted = await db.SchoolSurveys.AsNoTracking().WithinJurisdiction(caller)
            .Where(s => roundIds.Contains(s.RoundId))
            .Select(s => new { s.RoundId, s.SchoolId, s.Status })
            .ToListAsync(cancellationToken);
        return rounds.Select(r => new RoundSummary(r.Id, r.Title, r.OrgName, r.Deadline, r.IsClosed, r.OpenedByName, r.OpenedAt,
                schools.Count(r.Includes),
                submitted.Count(s => s.RoundId == r.Id && s.Status == SurveyStatus.Submitted),
                submitted.Where(s => s.RoundId == r.Id && s.SchoolId == caller.OrgUnitId).Select(s => s.Status).FirstOrDefault()))
            .ToList();
    }

    public async Task<Result<int>> OpenRoundAsync(Caller caller, RoundInput input, CancellationToken cancellationToken = default)
    {
        var deadline = input.Deadline is { } d ? DateOnly.FromDateTime(d) : (DateOnly?)null;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AddAuditedAsync(SurveyRound.Open(caller, input.Title, deadline, ChinaTime.Today(clock), clock.GetUtcNow()),
            round => round.Id, round => db.Audit(caller, clock, AuditActions.SurveyRoundOpened, nameof(SurveyRound),
                round.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), round.OrgPath,
                $"发起调查“{round.Title}”，截止 {ChinaTime.FormatDateLong(round.Deadline)}",
                after: new { 标题 = round.Title, 截止日期 = ChinaTime.FormatDate(round.Deadline) }), cancellationToken);
    }

    public async Task<Result> CloseRoundAsync(Caller caller, int roundId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var round = await db.SurveyRounds.WithinJurisdiction(caller).SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        if (round is null)
        {
            return new NotFoundError(RoundNotFound);
        }
        var closed = round.Close(caller, clock.GetUtcNow());
        if (!closed.Succeeded)
        {
            return closed;
        }
        db.Audit(caller, clock, AuditActions.SurveyRoundClosed, nameof(SurveyRound), Key(round.Id), round.OrgPath, $"结束调查“{round.Title}”");
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    /// <summary>Completion per school of the round inside the caller's jurisdiction, with totals per county and overall.</summary>
    public async Task<Result<SurveyBoard>> GetBoardAsync(Caller caller, int roundId, CancellationToken cancellationToken = default)
    {
        if (caller.Level < AdminLevel.County)
        {
            return new ForbiddenError("只有县级或市级管理员可以查看调查进度。");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var round = await db.SurveyRounds.AsNoTracking().WithinJurisdiction(caller).SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        if (round is null)
        {
            return new NotFoundError(RoundNotFound);
        }
        var units = await db.OrgUnits.AsNoTracking().WithinJurisdiction(caller)
            .Where(o => o.Kind == OrgUnitKind.County || (o.Kind == OrgUnitKind.School && o.Path.StartsWith(round.OrgPath)))
            .Select(o => new { o.Id, o.Name, o.Path, o.Kind, o.Stage, o.StudentCount, Classes = o.Classes.Count })
            .ToListAsync(cancellationToken);
        var counties = units.Where(u => u.Kind == OrgUnitKind.County).ToDictionary(u => u.Path);
        // Schools by county, then by name as Chinese readers sort them (pinyin under ICU).
        var schools = units.Where(u => u.Kind == OrgUnitKind.School)
            .OrderBy(u => OrgUnit.AncestorPaths(u.Path).Skip(1).FirstOrDefault(), StringComparer.Ordinal)
            // One ICU sort key per name, compared as bytes, rather than an ICU comparison per pair of the sort.
            .ThenBy(u => ChineseOrder.GetSortKey(u.Name), BySortKey)
            .ToList();
        // The forms' columns and their subject rows as two flat projections (no entities with owned rows: the board
        // shows figures and flags, the workbook the form's text beside them).
        var roundForms = db.SchoolSurveys.AsNoTracking().WithinJurisdiction(caller).Where(s => s.RoundId == roundId);
        var subjectRows = (await roundForms
                .SelectMany(s => s.Rows, (s, r) => new { s.SchoolId, r.Position, r.Subject, r.Teachers, r.FullTime, r.LabRooms })
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.SchoolId);
        var surveys = await roundForms
            .Select(s => new
            {
                s.SchoolId,
                s.Status,
                s.Version,
                s.UpdatedAt,
                s.SubmittedAt,
                s.SchoolName,
                s.LabLeadName,
                s.LabLeadPhone,
                s.AdminName,
                s.AdminPhone,
                s.StudentCount,
                s.ClassCount,
            })
            .ToDictionaryAsync(s => s.SchoolId, s => (s.Status, s.Version, s.UpdatedAt, s.SubmittedAt, Form: new SurveyForm
            {
                SchoolName = s.SchoolName,
                LabLeadName = s.LabLeadName,
                LabLeadPhone = s.LabLeadPhone,
                AdminName = s.AdminName,
                AdminPhone = s.AdminPhone,
                StudentCount = s.StudentCount,
                ClassCount = s.ClassCount,
                // As SchoolSurvey.ToForm: the rows in their form order.
                Subjects = subjectRows[s.SchoolId].OrderBy(r => r.Position)
                    .Select(r => new SurveySubjectEntry(r.Subject) { Teachers = r.Teachers, FullTime = r.FullTime, LabRooms = r.LabRooms })
                    .ToList(),
            }), cancellationToken);
        var reminders = await db.SurveyReminders.AsNoTracking().WithinJurisdiction(caller).Where(r => r.RoundId == roundId)
            .GroupBy(r => r.SchoolId).Select(g => new { SchoolId = g.Key, Last = g.Max(r => r.SentAt) })
            .ToDictionaryAsync(r => r.SchoolId, r => r.Last, cancellationToken);
        var registered = await SurveyedTeachers.CountPerSchoolAsync(
            db.Users.AsNoTracking().WithinJurisdiction(caller).ActiveServing().Where(u => u.OrgUnit!.Path.StartsWith(round.OrgPath)),
            schools.ToDictionary(s => s.Id, s => s.Stage), cancellationToken);

        var rows = schools.Select(school =>
        {
            var countyPath = OrgUnit.AncestorPaths(school.Path).Skip(1).FirstOrDefault() ?? school.Path;
            var county = counties.GetValueOrDefault(countyPath);
            var found = surveys.TryGetValue(school.Id, out var survey);
            var form = found ? survey.Form : null;
            return new BoardRow(school.Id, school.Name, county?.Id ?? 0, county?.Name ?? round.OrgName, school.Stage,
                found ? survey.Status : SurveyStatus.NotStarted, found ? survey.Version : 0, found ? survey.UpdatedAt : null,
                found ? survey.SubmittedAt : null, form,
                registered.GetValueOrDefault(school.Id),
                form?.Subjects.Sum(s => s.Teachers ?? 0) ?? 0,
                form is null ? [] : SurveyRules.ReviewFlags(form, new RegisteredFigures(school.StudentCount, school.Classes)),
                reminders.TryGetValue(school.Id, out var reminded) ? reminded : null);
        }).ToList();
        var countyTotals = rows.GroupBy(r => (r.CountyId, r.CountyName))
            .Select(g => SurveyTotals.Of(g.Key.CountyName, g.ToList()))
            .ToList();
        return new SurveyBoard(round.Id, round.Title, round.OrgName, round.Deadline, round.IsClosed,
            !round.IsClosed && caller.Covers(round.OrgPath), rows, countyTotals, SurveyTotals.Of("合计", rows));
    }

    /// <summary>A school's form: its own admin edits it; county and city admins above it read it and may return it.</summary>
    public async Task<Result<SurveyFormView>> GetFormAsync(Caller caller, int roundId, int schoolId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var round = await db.SurveyRounds.AsNoTracking().WithinJurisdiction(caller).SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        var school = await db.OrgUnits.AsNoTracking().WithinJurisdiction(caller)
            .Where(o => o.Id == schoolId && o.Kind == OrgUnitKind.School)
            .Select(o => new { o.Id, o.Name, o.Path, o.Stage, o.StudentCount, Classes = o.Classes.Count })
            .SingleOrDefaultAsync(cancellationToken);
        if (round is null || school is null || !round.Includes(school.Path))
        {
            return new NotFoundError();
        }
        var survey = await db.SchoolSurveys.AsNoTracking().WithinJurisdiction(caller).Include(s => s.History)
            .SingleOrDefaultAsync(s => s.RoundId == roundId && s.SchoolId == schoolId, cancellationToken);
        var subjects = SurveySubjects.ForStage(school.Stage);
        SurveyForm form;
        if (survey is not null)
        {
            form = survey.ToForm().Normalized(subjects);
        }
        else
        {
            // Prefilled from the org data; the admin filling it in is the app's school admin (说明1).
            var self = await db.Users.AsNoTracking().Where(u => u.Id == caller.UserId).Select(u => u.PhoneNumber).SingleOrDefaultAsync(cancellationToken);
            var isOwnAdmin = caller.Level == AdminLevel.School && caller.OrgUnitId == schoolId;
            form = new SurveyForm
            {
                SchoolName = school.Name,
                StudentCount = school.StudentCount,
                ClassCount = school.Classes,
                AdminName = isOwnAdmin ? caller.RealName : "",
                AdminPhone = isOwnAdmin ? self ?? "" : "",
            }.Normalized(subjects);
        }
        var status = survey?.Status ?? SurveyStatus.NotStarted;
        var can = SchoolSurvey.PermissionsFor(survey, round, school.Id, school.Path, caller);
        var history = survey?.History.OrderByDescending(h => h.At).ThenByDescending(h => h.Id)
            .Select(h => new HistoryRow(h.Action, h.Version, h.At, h.ActorName, h.Note)).ToList() ?? [];
        var registered = new RegisteredFigures(school.StudentCount, school.Classes);
        return new SurveyFormView(round.Id, round.Title, round.Deadline, round.IsClosed, school.Id, school.Name, school.Stage, subjects, form,
            status, survey?.Version ?? 0, survey?.Revision, survey?.UpdatedAt, survey?.UpdatedByName, survey?.ReturnComment,
            history, SurveyRules.ReviewFlags(form, registered), can.Edit, can.Return, survey?.Id, registered);
    }

    /// <summary>Saves the caller's own school's draft. Returns the new revision, which the next save must present.</summary>
    public Task<Result<Guid>> SaveDraftAsync(Caller caller, int roundId, SurveyForm form, Guid? revision, CancellationToken cancellationToken = default) =>
        ChangeOwnAsync(caller, roundId, revision, (_, round, survey, subjects) => survey.SaveDraft(round, form, subjects, caller, clock.GetUtcNow()),
            cancellationToken);

    /// <summary>Saves and submits in one step; if any rule fails nothing is saved and each field gets its message.</summary>
    public Task<Result<Guid>> SubmitAsync(Caller caller, int roundId, SurveyForm form, Guid? revision, CancellationToken cancellationToken = default) =>
        ChangeOwnAsync(caller, roundId, revision, (db, round, survey, subjects) =>
        {
            var normalized = form.Normalized(subjects);
            if (SurveyRules.Validate(normalized, subjects) is { } invalid)
            {
                return invalid;
            }
            var now = clock.GetUtcNow();
            var saved = survey.SaveDraft(round, normalized, subjects, caller, now);
            var submitted = saved.Succeeded ? survey.Submit(round, subjects, caller, now) : saved;
            if (!submitted.Succeeded)
            {
                return submitted;
            }
            var entry = survey.History[^1];
            db.Audit(caller, clock, AuditActions.SurveySubmitted, nameof(SchoolSurvey), FormKey(roundId, survey.SchoolId), survey.SchoolPath,
                $"{caller.OrgUnitName}提交“{round.Title}”调查表（第 {survey.Version} 版）", after: new { 版本 = survey.Version, 变更 = entry.Note });
            return Result.Success;
        }, cancellationToken);

    /// <summary>Loads (or starts) the caller's own school's form, applies <paramref name="change"/> and saves it; returns the new revision.</summary>
    private async Task<Result<Guid>> ChangeOwnAsync(Caller caller, int roundId, Guid? revision,
        Func<EduPortalDbContext, SurveyRound, SchoolSurvey, IReadOnlyList<string>, Result> change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var loaded = await LoadOwnAsync(db, caller, roundId, revision, cancellationToken);
        if (!loaded.Succeeded)
        {
            return loaded.Error!;
        }
        var (round, survey, subjects) = loaded.Value;
        var changed = change(db, round, survey, subjects);
        if (!changed.Succeeded)
        {
            return changed.Error!;
        }
        return await SaveAsync(db, survey, cancellationToken);
    }

    public async Task<Result> ReturnAsync(Caller caller, int roundId, int schoolId, string comment, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var round = await db.SurveyRounds.WithinJurisdiction(caller).SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        var survey = round is null ? null : await db.SchoolSurveys.WithinJurisdiction(caller).Include(s => s.History)
            .SingleOrDefaultAsync(s => s.RoundId == roundId && s.SchoolId == schoolId, cancellationToken);
        if (round is null || survey is null)
        {
            return new NotFoundError();
        }
        var returned = survey.Return(round, comment, caller, clock.GetUtcNow());
        if (!returned.Succeeded)
        {
            return returned;
        }
        db.Audit(caller, clock, AuditActions.SurveyReturned, nameof(SchoolSurvey), FormKey(roundId, survey.SchoolId), survey.SchoolPath,
            $"退回{survey.SchoolName}的“{round.Title}”调查表：{survey.ReturnComment}",
            before: new { 状态 = SurveyStatus.Submitted.DisplayName() }, after: new { 状态 = SurveyStatus.Returned.DisplayName(), 退回原因 = survey.ReturnComment });
        var saved = await SaveAsync(db, survey, cancellationToken);
        return saved.Succeeded ? Result.Success : saved.Error!;
    }

    /// <summary>Sends a reminder to one school, or with <paramref name="schoolId"/> null to every school in the caller's part of the round that has not submitted.</summary>
    public async Task<Result<int>> RemindAsync(Caller caller, int roundId, int? schoolId, CancellationToken cancellationToken = default)
    {
        if (caller.Level < AdminLevel.County)
        {
            return new ForbiddenError("只有县级或市级管理员可以提醒学校填报。");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var round = await db.SurveyRounds.WithinJurisdiction(caller).SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        if (round is null)
        {
            return new NotFoundError(RoundNotFound);
        }
        var schools = await db.OrgUnits.AsNoTracking().WithinJurisdiction(caller)
            .Where(o => o.Kind == OrgUnitKind.School && o.Path.StartsWith(round.OrgPath) && (schoolId == null || o.Id == schoolId))
            .Select(o => new { o.Id, o.Name, o.Path }).ToListAsync(cancellationToken);
        if (schoolId is not null && schools.Count == 0)
        {
            return new NotFoundError();
        }
        var statuses = await db.SchoolSurveys.AsNoTracking().WithinJurisdiction(caller).Where(s => s.RoundId == roundId)
            .ToDictionaryAsync(s => s.SchoolId, s => s.Status, cancellationToken);
        var now = clock.GetUtcNow();
        var sent = 0;
        foreach (var school in schools)
        {
            var reminder = SurveyReminder.Send(round, school.Id, school.Path, statuses.GetValueOrDefault(school.Id), caller, now);
            if (!reminder.Succeeded)
            {
                if (schoolId is not null)
                {
                    return reminder.Error!;
                }
                continue;
            }
            db.SurveyReminders.Add(reminder.Value!);
            sent++;
        }
        if (sent > 0)
        {
            db.Audit(caller, clock, AuditActions.SurveyReminded, nameof(SurveyRound), Key(round.Id),
                schoolId is null ? caller.Covers(round.OrgPath) ? round.OrgPath : caller.OrgPath : schools[0].Path,
                schoolId is null ? $"提醒 {sent} 所学校填报“{round.Title}”" : $"提醒{schools[0].Name}填报“{round.Title}”");
            await db.SaveChangesAsync(cancellationToken);
        }
        return sent;
    }

    /// <summary>Open rounds waiting for the caller's school, for its admins' home page.</summary>
    public async Task<IReadOnlyList<SurveyNotice>> GetNoticesAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        if (caller.Level != AdminLevel.School || caller.OrgKind != OrgUnitKind.School)
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rounds = await db.SurveyRounds.AsNoTracking().WithinJurisdiction(caller).Where(r => r.ClosedAt == null)
            .OrderBy(r => r.Deadline).ToListAsync(cancellationToken);
        var forms = await db.SchoolSurveys.AsNoTracking().WithinJurisdiction(caller).Where(s => s.SchoolId == caller.OrgUnitId)
            .Select(s => new { s.RoundId, s.Status, s.ReturnComment }).ToListAsync(cancellationToken);
        var reminders = await db.SurveyReminders.AsNoTracking().WithinJurisdiction(caller).Where(r => r.SchoolId == caller.OrgUnitId)
            .OrderByDescending(r => r.SentAt).Select(r => new { r.RoundId, r.SentAt, r.SentByOrg }).ToListAsync(cancellationToken);
        return rounds.Where(r => r.Includes(caller.OrgPath))
            .Select(r =>
            {
                var form = forms.FirstOrDefault(f => f.RoundId == r.Id);
                var reminder = reminders.FirstOrDefault(x => x.RoundId == r.Id);
                return new SurveyNotice(r.Id, r.Title, r.OrgName, r.Deadline, form?.Status ?? SurveyStatus.NotStarted,
                    form?.Status == SurveyStatus.Returned ? form.ReturnComment : null, reminder?.SentAt, reminder?.SentByOrg);
            })
            .Where(n => n.Status != SurveyStatus.Submitted)
            .ToList();
    }

    public async Task<Result<(string FileName, byte[] Content)>> ExportExcelAsync(Caller caller, int roundId, CancellationToken cancellationToken = default)
    {
        var board = await GetBoardAsync(caller, roundId, cancellationToken);
        if (!board.Succeeded)
        {
            return board.Error!;
        }
        return ($"{SafeFileName(board.Value!.Title)}-汇总.xlsx", SurveyWorkbook.Build(board.Value));
    }

    public async Task<Result<(string FileName, byte[] Content)>> ExportPdfAsync(Caller caller, int roundId, int schoolId, CancellationToken cancellationToken = default)
    {
        var form = await GetFormAsync(caller, roundId, schoolId, cancellationToken);
        if (!form.Succeeded)
        {
            return form.Error!;
        }
        return ($"{SafeFileName(form.Value!.Form.SchoolName)}-实验教学情况调查表.pdf", SurveyPdf.Build(form.Value));
    }

    private async Task<Result<(SurveyRound Round, SchoolSurvey Survey, IReadOnlyList<string> Subjects)>> LoadOwnAsync(
        EduPortalDbContext db, Caller caller, int roundId, Guid? revision, CancellationToken cancellationToken)
    {
        var round = await db.SurveyRounds.WithinJurisdiction(caller).SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        var school = await db.OrgUnits.AsNoTracking().WithinJurisdiction(caller)
            .Where(o => o.Id == caller.OrgUnitId && o.Kind == OrgUnitKind.School)
            .Select(o => new { o.Id, o.Path, o.Stage }).SingleOrDefaultAsync(cancellationToken);
        if (round is null || school is null || !round.Includes(school.Path))
        {
            return new NotFoundError(RoundNotFound);
        }
        var survey = await db.SchoolSurveys.WithinJurisdiction(caller).Include(s => s.History)
            .SingleOrDefaultAsync(s => s.RoundId == roundId && s.SchoolId == school.Id, cancellationToken);
        if (survey is null)
        {
            var started = SchoolSurvey.Start(round, school.Id, school.Path, caller, clock.GetUtcNow());
            if (!started.Succeeded)
            {
                return started.Error!;
            }
            survey = started.Value!;
            db.SchoolSurveys.Add(survey);
        }
        else if (revision is not null && survey.Revision != revision)
        {
            return new ConflictError("调查表已在其他窗口或由其他管理员修改，请刷新页面后再填写。");
        }
        return (round, survey, SurveySubjects.ForStage(school.Stage));
    }

    private static async Task<Result<Guid>> SaveAsync(EduPortalDbContext db, SchoolSurvey survey, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return survey.Revision;
        }
        catch (DbUpdateException)
        {
            // A concurrent save (another tab, another admin) won; nothing of this one was written.
            return new ConflictError("调查表已在其他窗口或由其他管理员修改，请刷新页面后再填写。");
        }
    }

    /// <summary>A form is known by round and school (its own id does not exist before the first save).</summary>
    private static string FormKey(int roundId, int schoolId) => $"{Key(roundId)}/{Key(schoolId)}";

    private static string Key(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    internal static string SafeFileName(string name) =>
        string.Concat(name.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c is '/' or '\\' ? '_' : c));
}
