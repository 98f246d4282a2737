using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Domain.Surveys;
using EduPortal.Web.Infrastructure.Reports;

namespace EduPortal.Web.Features.Surveys;

/// <summary>A school's form laid out like the paper form of circular 000 附件1, with its 说明 notes.</summary>
public static class SurveyPdf
{
    public const string FormName = "中小学实验教学情况调查表";

    public static byte[] Build(SurveyFormView view)
    {
        var form = view.Form;
        var report = new PdfReport($"{view.RoundTitle} - {form.SchoolName}");
        report.Heading(view.RoundTitle);
        if (!view.RoundTitle.Contains("调查表", StringComparison.Ordinal))
        {
            report.Heading(FormName, 15);
        }
        report.Space(4);
        report.Paragraph($"填报状态：{view.Status.DisplayName()}{(view.Version > 0 ? $"（第 {view.Version} 版）" : "")}　　截止日期：{ChinaTime.FormatDateLong(view.Deadline)}",
            9.5f, PdfAlign.Right);
        report.Space(2);

        static string Number(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";
        var table = new PdfTable(1.3f, 1f, 1f, 1f) { FontSize = 11, MinRowHeight = 28 };
        table.Row(Label("学校名称"), new PdfCell(form.SchoolName, ColSpan: 3));
        table.Row(Label("实验管理负责人"), form.LabLeadName, Label("电话"), form.LabLeadPhone);
        table.Row(Label("管理员姓名"), form.AdminName, Label("学生数"), Centered(Number(form.StudentCount)));
        table.Row(Label("管理员电话"), form.AdminPhone, Label("班数"), Centered(Number(form.ClassCount)));
        table.Row(Label("学科"), Label("任课教师人数"), Label("其中专职人数"), Label("实验室数"));
        foreach (var row in form.Subjects)
        {
            table.Row(Centered(row.Subject), Centered(Number(row.Teachers)), Centered(Number(row.FullTime)), Centered(Number(row.LabRooms)));
        }
        report.Table(table);
        report.Space(10);
        report.Paragraph("说明：", 10.5f);
        report.Paragraph("1. 实验管理负责人填写主管教学副校长，管理员填写“实验教学管理小程序”管理员。", 10.5f, indent: 14);
        report.Paragraph($"2. 本校学段为{view.Stage.DisplayName()}，填写学科：{string.Join("、", view.Subjects)}。" +
            "小学学科只填写科学和信息技术；初中学科填写物理、化学、生物和信息技术；高中学科填写物理、化学、生物、信息技术和通用技术。",
            10.5f, indent: 14);
        if (view.UpdatedAt is { } updated)
        {
            report.Space(8);
            report.Paragraph($"最后修改：{view.UpdatedByName}　{ChinaTime.Format(updated)}", 9, PdfAlign.Right);
        }
        return report.ToBytes();
    }

    private static PdfCell Label(string text) => new(text, Bold: true, Align: PdfAlign.Center, Shaded: true);

    private static PdfCell Centered(string text) => new(text, Align: PdfAlign.Center);
}
