using EduPortal.Data;
using EduPortal.Data.Accounts;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Circulars;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Web.Infrastructure.Excel;
using EduPortal.Web.Infrastructure.Files;
using EduPortal.Web.Infrastructure.Reports;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Circulars;

/// <summary>
/// Demo circulars: circular 000 itself re-issued by the demo county (东溪区) with its dates moved to this year — its
/// timeline, contact, two attachments, recipients 各中心校、初中、区直学校, most of them acknowledged, one reminder — and
/// a city circular to the counties asking for a file reply by a date ahead. The demo school has not acknowledged 000, so
/// its admin sees it on the home page. Nothing when circulars exist.
/// </summary>
public sealed class CircularDemoSeeder(EduPortalDbContext db, TimeProvider clock, UploadPipeline uploads)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Circulars.AnyAsync(cancellationToken))
        {
            return;
        }
        var county = await db.OrgUnits.AsNoTracking().Where(o => o.Kind == OrgUnitKind.County).OrderBy(o => o.Path).FirstOrDefaultAsync(cancellationToken);
        var city = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(o => o.Kind == OrgUnitKind.City, cancellationToken);
        if (county is null || city is null)
        {
            return;
        }
        var countyEditor = await EditorAsync(county, cancellationToken);
        var cityEditor = await EditorAsync(city, cancellationToken);
        if (countyEditor is null || cityEditor is null)
        {
            return;
        }
        var now = clock.GetUtcNow();
        var today = ChinaTime.Today(clock);
        var demoSchoolId = await db.Users.AsNoTracking().Where(u => u.UserName == DemoAccounts.SchoolAdmin).Select(u => (int?)u.OrgUnitId).FirstOrDefaultAsync(cancellationToken);

        // Circular 000 (渭市电教发〔2018〕9号 passed on by the district centre on 4月18日), moved to this year — or last year
        // while 4月18日 is still ahead — from the demo county to its township centres, junior schools and county-direct schools.
        var year = new DateOnly(today.Year, 4, 18) <= today ? today.Year : today.Year - 1;
        var issued = ChinaMorning(new DateOnly(year, 4, 18));
        var lab = Circular.StartDraft(countyEditor, issued).Value!;
        lab.Edit(countyEditor, new CircularContent(
            "关于在全区中小学校使用“实验管理小程序”的通知", "东电教发", LabCircularBody, "刘冰峰", "2663755 13759693597",
            [
                new MilestoneInput("前期准备", new DateOnly(year, 4, 19), true),
                new MilestoneInput("注册", new DateOnly(year, 4, 21), true),
                new MilestoneInput("记录", new DateOnly(year, 4, 23), false),
            ],
            new RecipientSelection([], RecipientKinds.Townships | RecipientKinds.JuniorSchools | RecipientKinds.CountyDirectSchools),
            ForTeachers: true, ReplyMode.File, new DateOnly(year, 4, 19)));
        await AttachAsync(lab, countyEditor, "学校管理员名单（附件1）.xlsx", SurveyFormWorkbook(), issued, cancellationToken);
        await AttachAsync(lab, countyEditor, "实验教学管理小程序操作指南（附件2）.pdf", GuidePdf(), issued, cancellationToken);
        var labRecipients = RecipientResolver.Resolve(lab.Selection, await CandidatesAsync(county.Path, cancellationToken));
        lab.Publish(countyEditor, year, 9, labRecipients, issued);
        lab.Remind(countyEditor, issued.AddDays(2));
        var admins = await AdminsByUnitAsync(labRecipients.Select(r => r.Id).ToList(), cancellationToken);
        var index = 0;
        foreach (var recipient in lab.Recipients)
        {
            index++;
            // About two in three acknowledged within three days; the demo school has not (its admin's home card shows it).
            if (recipient.UnitId == demoSchoolId || index % 3 == 0 || !admins.TryGetValue(recipient.UnitId, out var admin))
            {
                continue;
            }
            lab.Acknowledge(admin, issued.AddHours(3 + index * 5));
        }
        // Numbers 1–8 of that year are the county's earlier circulars (not part of the demo); 000 is 东电教发〔year〕9号.
        db.CircularNumberCounters.Add(new CircularNumberCounter(county.Id, year, 9));
        db.Circulars.Add(lab);

        // A city circular to the counties with a file reply due ahead (the counties' home cards count down).
        var cityIssued = now.AddDays(-2);
        var cityYear = ChinaTime.Today(clock).Year;
        var report = Circular.StartDraft(cityEditor, cityIssued).Value!;
        report.Edit(cityEditor, new CircularContent(
            $"关于报送{cityYear}年度实验教学管理工作总结的通知", "云市电教发", CityCircularBody, "周建国", "13800000001",
            [
                new MilestoneInput("总结报送", today.AddDays(10), true),
                new MilestoneInput("全市通报", today.AddDays(20), false),
            ],
            new RecipientSelection([], RecipientKinds.Counties), ForTeachers: false, ReplyMode.File, today.AddDays(10)));
        var cityRecipients = RecipientResolver.Resolve(report.Selection, await CandidatesAsync(city.Path, cancellationToken));
        report.Publish(cityEditor, cityYear, 1, cityRecipients, cityIssued);
        db.CircularNumberCounters.Add(new CircularNumberCounter(city.Id, cityYear, 1));
        db.Circulars.Add(report);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static DateTimeOffset ChinaMorning(DateOnly date) => new(date.ToDateTime(new TimeOnly(1, 30)), TimeSpan.Zero);

    private async Task<Caller?> EditorAsync(OrgUnit unit, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().ActiveServing()
            .Where(u => u.OrgUnitId == unit.Id && (u.Capabilities & Capability.BureauEditor) == Capability.BureauEditor)
            .OrderBy(u => u.UserName).FirstOrDefaultAsync(cancellationToken);
        return user is null ? null : new Caller(user.Id, user.RealName, user.Level, unit.Id, unit.Name, unit.Path, unit.Kind, user.Capabilities);
    }

    private async Task<Dictionary<int, Caller>> AdminsByUnitAsync(List<int> unitIds, CancellationToken cancellationToken)
    {
        var rows = await db.Users.AsNoTracking().ActiveServing()
            .Where(u => u.Level > AdminLevel.Teacher && unitIds.Contains(u.OrgUnitId))
            .Select(u => new { u.Id, u.RealName, u.Level, u.OrgUnitId, Name = u.OrgUnit!.Name, u.OrgUnit.Path, u.OrgUnit.Kind, u.Capabilities })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.OrgUnitId).ToDictionary(g => g.Key, g =>
        {
            var r = g.First();
            return new Caller(r.Id, r.RealName, r.Level, r.OrgUnitId, r.Name, r.Path, r.Kind, r.Capabilities);
        });
    }

    private async Task<List<RecipientCandidate>> CandidatesAsync(string rootPath, CancellationToken cancellationToken) =>
        await db.OrgUnits.AsNoTracking().Where(o => o.Path.StartsWith(rootPath) && o.Path != rootPath)
            .Select(o => new RecipientCandidate(o.Id, o.Name, o.Path, o.Kind, o.Stage, o.Parent == null ? null : o.Parent.Kind))
            .ToListAsync(cancellationToken);

    private async Task AttachAsync(Circular circular, Caller editor, string fileName, byte[] content, DateTimeOffset at, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(content, writable: false);
        var stored = await uploads.StoreAsync(stream, content.Length, UploadPolicy.Attachment, cancellationToken);
        if (stored.Succeeded)
        {
            circular.AddAttachment(editor, stored.Value!.Key, fileName, stored.Value.Kind.ContentTypeFor(fileName), stored.Value.Length, at);
        }
    }

    /// <summary>Circular 000 附件1: the school's lab-teaching survey form, blank, as the schools fill it in.</summary>
    private static byte[] SurveyFormWorkbook() => ExcelExport.Build("调查表", [
        new ExcelColumn<string>("学科", s => s, 14),
        new("任课教师人数", _ => "", 14),
        new("其中专职人数", _ => "", 14),
        new("实验室数", _ => "", 12),
    ], ["物理", "化学", "生物", "通用技术", "信息技术", "科学"], caption: "东溪区中小学实验教学情况调查表（学校名称、实验管理负责人、管理员姓名及电话请填在表头）");

    /// <summary>Circular 000 附件2, the operation guide, as a short PDF.</summary>
    private static byte[] GuidePdf() => new PdfReport("实验教学管理小程序管理员操作指南")
        .Heading("实验教学管理小程序管理员操作指南")
        .Paragraph("一、功能简介：实验教师通过手机拍摄三张实验教学的照片上传；系统统计各人各单位实验教学开展情况。", 11)
        .Paragraph("二、角色管理：登录注册的教师分两种：管理员和普通教师。管理级别分三级：市、县、校，分别对应3，2，1，普通人员为0。", 11)
        .Paragraph("三、发布流程：教师完成实验拍照后可选择“发布”进行展示；自审发布的信息直接展示，任何人员都可以举报并停止展示，交由管理员审核。", 11)
        .ToBytes();

    private const string LabCircularBody = """
        为提升我区中小学实验教学和管理水平，根据市电化教育馆《关于在全市中小学校使用“实验管理小程序”的通知》文件精神，经研究决定在全区中小学校使用“实验教学管理”微信小程序。现将具体要求通知如下：

        ## 一、程序介绍

        “实验教学管理小程序”是市电教馆自主研发的基于微信平台的中小学实验教学应用小程序，记录每节实验课程教学实录，对各校实验教学开展情况进行统计、评估、展示，以达到实验教学管理、促进实验教学常态化开设的目的。

        ## 二、时间安排

        1. 第一阶段：前期准备。学校主管教学副校长直接负责本项工作，并确定一名学校管理员。学校管理员统计学校任课教师人数，填写附件1，通过平台回复。
        2. 第二阶段：注册管理。校级管理员要迅速在平台上注册，熟悉业务流程，安排本校学科教师注册。到时区局根据工作开展情况对全区注册情况进行通报。
        3. 第三阶段：活动开展。物理、化学、生物和科学教师开始使用小程序记录实验教学情况。区局将对各校后期工作的开展情况进行及时通报。

        ## 三、工作要求

        1. 各学校要正确认识实验教学常规管理的重要性，借助互联网方式积极工作，推动实验教学管理工作开创新的大好局面。
        2. 学校要对照学科实验目录，检查实验室仪器、药品、耗材配备，加强实验教学工作的保障力度。
        3. 各校管理员要深入学习和熟练操作小程序，并及时反馈使用意见和建议，推动应用日臻完善。
        """;

    private const string CityCircularBody = """
        为全面掌握各县（区）实验教学管理工作开展情况，请各县区教育局认真总结本年度工作，重点包括：

        1. 实验教学记录开展情况（分学科、分学校）；
        2. 学校管理员配备和教师注册情况；
        3. 存在的困难和问题、意见和建议。

        请于截止日期前通过平台上传工作总结（PDF 或 Word），市局将汇总后进行全市通报。
        """;
}
