using ClosedXML.Excel;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Surveys;
using EduPortal.Web.Infrastructure.Excel;

namespace EduPortal.Web.Features.Surveys;

/// <summary>
/// The whole round in one workbook: a summary sheet (one row per county and a total) and a sheet per
/// county (one row per school, the form's fields and subject rows, a totals row). Figures come from
/// submitted forms only; the other schools show their status.
/// </summary>
public static class SurveyWorkbook
{
    private const string Count = "#,##0";
    private const string Percent = "0.0%";

    public static byte[] Build(SurveyBoard board)
    {
        using var workbook = new XLWorkbook();
        ExcelExport.AddSheet(workbook, "汇总", SummaryColumns(), board.Counties, board.Total);
        var usedNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "汇总" };
        foreach (var county in board.Rows.GroupBy(r => r.CountyName))
        {
            var rows = county.ToList();
            ExcelExport.AddSheet(workbook, SheetName(county.Key, usedNames), SchoolColumns(), rows,
                TotalsRow(SurveyTotals.Of(county.Key, rows)));
        }
        return ExcelExport.Save(workbook);
    }

    private static List<ExcelColumn<SurveyTotals>> SummaryColumns()
    {
        var columns = new List<ExcelColumn<SurveyTotals>>
        {
            new("县（区）", t => t.Name, 18),
            new("学校数", t => t.Schools, 8, Count),
            new("已提交", t => t.Submitted, 8, Count),
            new("草稿", t => t.Drafts, 8, Count),
            new("已退回", t => t.Returned, 8, Count),
            new("未开始", t => t.NotStarted, 8, Count),
            new("学生数", t => t.Students, 10, Count),
            new("班数", t => t.Classes, 8, Count),
        };
        foreach (var subject in SurveySubjects.All)
        {
            columns.Add(new($"{subject}任课教师", t => t.Subjects[subject].Teachers, 10, Count));
            columns.Add(new($"{subject}专职", t => t.Subjects[subject].FullTime, 8, Count));
            columns.Add(new($"{subject}实验室", t => t.Subjects[subject].LabRooms, 8, Count));
        }
        columns.Add(new("任课教师合计", t => t.Teachers, 10, Count));
        columns.Add(new("专职合计", t => t.FullTime, 8, Count));
        columns.Add(new("实验室合计", t => t.LabRooms, 10, Count));
        columns.Add(new("已注册教师", t => t.Registered, 10, Count));
        columns.Add(new("注册率", t => t.Rate, 8, Percent));
        return columns;
    }

    private static List<ExcelColumn<BoardRow>> SchoolColumns()
    {
        var columns = new List<ExcelColumn<BoardRow>>
        {
            new("学校", r => r.Form?.SchoolName is { Length: > 0 } name ? name : r.SchoolName, 26),
            new("学段", r => r.SchoolId == 0 ? "" : r.Stage.DisplayName(), 10),
            new("状态", r => r.SchoolId == 0 ? "" : r.Status.DisplayName(), 8),
            new("版本", r => r.SchoolId == 0 || r.Version == 0 ? null : r.Version, 6, Count),
            new("提交时间", r => r.SubmittedForm is null ? null : r.SubmittedAt, 17),
            new("实验管理负责人", r => r.SubmittedForm?.LabLeadName, 12),
            new("负责人电话", r => r.SubmittedForm?.LabLeadPhone, 14),
            new("管理员姓名", r => r.SubmittedForm?.AdminName, 10),
            new("管理员电话", r => r.SubmittedForm?.AdminPhone, 14),
            new("学生数", r => r.SubmittedForm?.StudentCount, 9, Count),
            new("班数", r => r.SubmittedForm?.ClassCount, 7, Count),
        };
        foreach (var subject in SurveySubjects.All)
        {
            columns.Add(new($"{subject}任课教师", r => r.SubmittedForm?.For(subject)?.Teachers, 10, Count));
            columns.Add(new($"{subject}专职", r => r.SubmittedForm?.For(subject)?.FullTime, 8, Count));
            columns.Add(new($"{subject}实验室", r => r.SubmittedForm?.For(subject)?.LabRooms, 8, Count));
        }
        columns.Add(new("已注册教师", r => r.SubmittedForm is null ? null : r.Registered, 10, Count));
        columns.Add(new("调查教师数", r => r.SubmittedForm is null ? null : r.Surveyed, 10, Count));
        columns.Add(new("注册率", r => r.Rate, 8, Percent));
        columns.Add(new("需复核", r => r.SubmittedForm is null ? null : string.Join("；", r.Flags), 24));
        return columns;
    }

    /// <summary>The totals row of a county sheet, as a row of the sheet's own shape.</summary>
    private static BoardRow TotalsRow(SurveyTotals totals)
    {
        var form = new SurveyForm
        {
            SchoolName = $"合计（已提交 {totals.Submitted} / {totals.Schools} 所）",
            StudentCount = totals.Students,
            ClassCount = totals.Classes,
            Subjects = SurveySubjects.All.Select(s => new SurveySubjectEntry(s)
            {
                Teachers = totals.Subjects[s].Teachers,
                FullTime = totals.Subjects[s].FullTime,
                LabRooms = totals.Subjects[s].LabRooms,
            }).ToList(),
        };
        return new BoardRow(0, form.SchoolName, 0, totals.Name, SchoolStage.None, SurveyStatus.Submitted, 0, null, null, form,
            totals.Registered, totals.Surveyed, [], null);
    }

    /// <summary>Excel sheet names: at most 31 characters, none of []:*?/\ , unique.</summary>
    private static string SheetName(string name, HashSet<string> used)
    {
        var clean = new string(name.Where(c => !"[]:*?/\\".Contains(c)).ToArray());
        clean = clean.Length > 28 ? clean[..28] : clean;
        var candidate = clean;
        for (var i = 2; !used.Add(candidate); i++)
        {
            candidate = $"{clean}{i}";
        }
        return candidate;
    }
}
