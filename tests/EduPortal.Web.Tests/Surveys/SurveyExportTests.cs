using ClosedXML.Excel;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Common;
using EduPortal.Domain.Surveys;
using EduPortal.Web.Features.Surveys;
using EduPortal.Web.Tests.Infrastructure;

namespace EduPortal.Web.Tests.Surveys;

/// <summary>The round's Excel workbook read back, and a school's PDF form with its text extracted by poppler's pdftotext.</summary>
[Collection(PortalCollection.Name)]
public sealed class SurveyExportTests(PortalFactory portal)
{
    [Fact]
    public async Task The_workbook_has_a_summary_and_a_sheet_per_county_whose_totals_add_up()
    {
        var city = await portal.CallerAsync(DemoAccounts.CityAdmin);
        var surveys = portal.Service<SurveyService>();
        var round = (await surveys.GetRoundsAsync(city)).Single(r => r.Title == SurveyDemoSeeder.DemoRoundTitle("东溪区教育局", ChinaTime.Today(portal.Service<TimeProvider>())));
        var board = (await surveys.GetBoardAsync(city, round.Id)).Value!;
        var file = await surveys.ExportExcelAsync(city, round.Id);
        Assert.EndsWith(".xlsx", file.Value.FileName);
        using var workbook = new XLWorkbook(new MemoryStream(file.Value.Content));

        var summary = workbook.Worksheet("汇总");
        Assert.Equal("县（区）", summary.Cell(1, 1).GetString());
        Assert.Equal("学生数", summary.Cell(1, 7).GetString());
        Assert.True(summary.AutoFilter.IsEnabled);
        Assert.Equal(1, summary.SheetView.SplitRow);
        Assert.Equal("#,##0", summary.Cell(2, 7).Style.NumberFormat.Format);

        var county = board.Counties.Single();
        Assert.Equal(county.Name, summary.Cell(2, 1).GetString());
        Assert.Equal("合计", summary.Cell(3, 1).GetString());
        Assert.Equal(county.Submitted, summary.Cell(2, 3).GetDouble());
        Assert.True(county.Submitted > 3, "the demo round has submitted forms");

        var sheet = workbook.Worksheet(county.Name);
        Assert.Equal("学校", sheet.Cell(1, 1).GetString());
        Assert.Equal(1, sheet.SheetView.SplitRow);
        Assert.True(sheet.AutoFilter.IsEnabled);
        var last = sheet.LastRowUsed().RowNumber();
        Assert.Equal(board.Rows.Count + 2, last); // header, one row per school, totals
        Assert.StartsWith("合计", sheet.Cell(last, 1).GetString());
        var studentsColumn = Enumerable.Range(1, 60).First(c => sheet.Cell(1, c).GetString() == "学生数");
        var sumOfSchools = Enumerable.Range(2, last - 2).Sum(r => sheet.Cell(r, studentsColumn).IsEmpty() ? 0 : sheet.Cell(r, studentsColumn).GetDouble());
        Assert.Equal(sumOfSchools, sheet.Cell(last, studentsColumn).GetDouble());
        Assert.Equal(county.Students, sumOfSchools);
        Assert.Equal(county.Students, summary.Cell(2, 7).GetDouble());
        var physicsColumn = Enumerable.Range(1, 60).First(c => sheet.Cell(1, c).GetString() == "物理任课教师");
        Assert.Equal(county.Subjects["物理"].Teachers,
            Enumerable.Range(2, last - 2).Sum(r => sheet.Cell(r, physicsColumn).IsEmpty() ? 0 : sheet.Cell(r, physicsColumn).GetDouble()));
        var rateColumn = Enumerable.Range(1, 60).First(c => sheet.Cell(1, c).GetString() == "注册率");
        Assert.Equal("0.0%", sheet.Cell(last, rateColumn).Style.NumberFormat.Format);
        // Drafts show their status but no figures: only submitted forms count.
        var draftRow = Enumerable.Range(2, last - 2).First(r => sheet.Cell(r, 3).GetString() == "草稿");
        Assert.True(sheet.Cell(draftRow, studentsColumn).IsEmpty());
    }

    [Fact]
    public async Task A_schools_pdf_carries_the_school_name_and_its_subject_rows_as_text()
    {
        var roundId = await portal.OpenRoundAsync("临渭区中小学实验教学情况调查表");
        await portal.SubmitDemoSchoolAsync(roundId);
        var school = await portal.DemoSchoolAsync();
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var pdf = await portal.Service<SurveyService>().ExportPdfAsync(county, roundId, school.Id);
        Assert.True(pdf.Succeeded);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(pdf.Value.Content, 0, 4));
        // Only the glyphs used are embedded (the shipped font file is 1.6 MB).
        Assert.True(pdf.Value.Content.Length < 400_000, $"{pdf.Value.Content.Length} bytes");

        var text = await PdfText.ExtractAsync(pdf.Value.Content, "survey-form");
        Assert.Contains("临渭区中小学实验教学情况调查表", text);
        Assert.Contains(school.Name, text);
        Assert.Contains("实验管理负责人", text);
        Assert.Contains("0913-2663755", text);
        foreach (var subject in SurveySubjects.ForStage(school.Stage))
        {
            Assert.Contains(subject, text);
        }
        Assert.Contains("其中专职人数", text);
        Assert.Contains("说明", text);
        Assert.Contains("第1页共1页", text.Replace(" ", "", StringComparison.Ordinal)); // pdftotext drops the spacing
        Assert.DoesNotContain("科学", SurveySubjects.ForStage(school.Stage)); // a senior school: no primary rows
        Assert.Contains("物理", text);
    }
}
