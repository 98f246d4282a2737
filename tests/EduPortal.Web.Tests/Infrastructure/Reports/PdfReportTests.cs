using EduPortal.Web.Infrastructure.Reports;

namespace EduPortal.Web.Tests.Infrastructure.Reports;

/// <summary>The one PDF helper: embedded CJK text that extracts exactly, tables across pages, page numbers.</summary>
public sealed class PdfReportTests
{
    [Fact]
    public async Task Every_character_of_the_shipped_font_extracts_as_itself()
    {
        // GB2312 covers the names and places the forms carry. Characters Noto also maps from the
        // radical blocks (生 and ⽣) used to extract as radicals; the shipped subset leaves those out.
        var gb2312 = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(936)!;
        var characters = new System.Text.StringBuilder();
        for (var high = 0xB0; high <= 0xF7; high++)
        {
            for (var low = 0xA1; low <= 0xFE; low++)
            {
                var decoded = gb2312.GetString([(byte)high, (byte)low]);
                if (decoded.Length == 1 && decoded[0] >= 0x4E00 && decoded[0] <= 0x9FFF)
                {
                    characters.Append(decoded);
                }
            }
        }
        var all = characters.ToString();
        Assert.True(all.Length > 6700);
        var report = new PdfReport("字符测试");
        for (var i = 0; i < all.Length; i += 40)
        {
            report.Paragraph(all.Substring(i, Math.Min(40, all.Length - i)), 10);
        }
        var bytes = report.ToBytes();
        var text = await PdfText.ExtractAsync(bytes, null);
        var withoutFooters = System.Text.RegularExpressions.Regex.Replace(text, @"第\s*\d+\s*页\s*共\s*\d+\s*页", "");
        var extracted = new string(withoutFooters.Where(c => c >= 0x2E80 && c <= 0x9FFF).ToArray());
        Assert.Equal(all, extracted);
    }

    [Fact]
    public async Task A_long_table_continues_on_new_pages_with_its_header_and_every_page_is_numbered()
    {
        var table = new PdfTable(1, 3, 1) { HeaderRows = 1 };
        table.Row(new PdfCell("序号", Bold: true), new PdfCell("学校", Bold: true), new PdfCell("学生数", Bold: true, Align: PdfAlign.Right));
        for (var i = 1; i <= 80; i++)
        {
            table.Row(i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"第{i}学校", new PdfCell("1200", Align: PdfAlign.Right));
        }
        var report = new PdfReport("长表").Heading("各校学生数").Table(table).Paragraph("说明：以上为测试数据。");
        var text = (await PdfText.ExtractAsync(report.ToBytes(), "long-table")).Replace(" ", "", StringComparison.Ordinal);

        var pages = text.Split('\f', StringSplitOptions.RemoveEmptyEntries).Where(p => p.Trim().Length > 0).ToList();
        Assert.True(pages.Count >= 3, $"{pages.Count} pages");
        for (var p = 0; p < pages.Count; p++)
        {
            Assert.Contains($"第{p + 1}页共{pages.Count}页", pages[p]);
            Assert.Contains("学校", pages[p]); // the header row is repeated
        }
        Assert.Contains("第80学校", pages[^1]);
        Assert.Contains("说明：以上为测试数据。", pages[^1]);
    }

    [Fact]
    public void Text_wraps_inside_the_width_between_hanzi_and_at_spaces_between_latin_words()
    {
        var lines = PdfReport.Wrap("实验管理负责人填写主管教学副校长，管理员填写实验教学管理小程序管理员。", 10, 100);
        Assert.True(lines.Count > 1);
        Assert.All(lines, line => Assert.True(PdfReport.Measure(line, 10) <= 100));
        Assert.Equal("实验管理负责人填写主管教学副校长，管理员填写实验教学管理小程序管理员。", string.Concat(lines));
        Assert.Equal(["Teaching lab", "survey"], PdfReport.Wrap("Teaching lab survey", 10, PdfReport.Measure("Teaching lab su", 10)));
    }

    [Fact]
    public void No_line_starts_with_closing_punctuation_and_none_ends_with_opening_punctuation()
    {
        // At eight hanzi a line, the naive break puts "。" first on the second line.
        var eight = PdfReport.Measure("实验教学管理平台", 10) + 0.5f;
        const string text = "各校按时完成填报。请于本周五前报送《实验教学记录》，逾期不候。";
        var naive = new[] { text[..8], text[8..16], text[16..24] };
        Assert.Equal('。', naive[1][0]);

        var lines = PdfReport.Wrap(text, 10, eight);

        Assert.Equal(text, string.Concat(lines));
        Assert.All(lines.Skip(1), line => Assert.DoesNotContain(line[0], PdfReport.LineStartProhibited));
        Assert.All(lines, line => Assert.DoesNotContain(line[^1], PdfReport.LineEndProhibited));
        Assert.All(lines, line => Assert.True(PdfReport.Measure(line, 10) <= eight, line));
        Assert.Equal("各校按时完成填", lines[0]); // the character before "。" goes down with it
    }

    [Fact]
    public void Kinsoku_holds_at_every_width_for_text_dense_with_punctuation()
    {
        const string text = "（一）注册：“三个课堂”应用，教师、学生实名注册率≥90%。（二）晒课：每人每学期不少于1节；《优课》评选，见附件「名单」！是否完成？已完成。";
        for (var hanzi = 3; hanzi <= 20; hanzi++)
        {
            var lines = PdfReport.Wrap(text, 10, PdfReport.Measure(new string('国', hanzi), 10));

            Assert.Equal(text, string.Concat(lines));
            Assert.All(lines.Skip(1), line => Assert.DoesNotContain(line[0], PdfReport.LineStartProhibited));
            Assert.All(lines, line => Assert.DoesNotContain(line[^1], PdfReport.LineEndProhibited));
        }
    }

    [Fact]
    public async Task A_paragraph_rendered_to_pdf_keeps_punctuation_off_the_start_of_its_lines()
    {
        var paragraph = string.Concat(Enumerable.Repeat("请各校认真组织，按时完成实名注册与晒课工作。逾期未完成的学校将予以通报（见附件《名单》）。", 6));
        var bytes = new PdfReport("禁则").Heading("行首行尾禁则").Paragraph(paragraph, 12).ToBytes();
        await File.WriteAllBytesAsync(Path.Combine(Path.GetTempPath(), "eduportal-kinsoku.pdf"), bytes);

        var text = await PdfText.ExtractAsync(bytes, null);

        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => l.Length > 0 && !l.StartsWith('第')).ToList();
        Assert.True(lines.Count > 4, string.Join("|", lines));
        Assert.All(lines, line => Assert.DoesNotContain(line[0], PdfReport.LineStartProhibited));
        Assert.All(lines, line => Assert.DoesNotContain(line[^1], PdfReport.LineEndProhibited));
    }
}
