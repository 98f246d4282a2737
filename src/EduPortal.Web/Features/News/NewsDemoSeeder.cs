using EduPortal.Data;
using EduPortal.Data.Accounts;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.News;
using EduPortal.Domain.Organization;
using EduPortal.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace EduPortal.Web.Features.News;

/// <summary>
/// Demo news of the demo school in every state: one featured by the county, one recommended and waiting for the county,
/// one published, one waiting for the school admin, one returned. Three drawn photos shared by the items keep it fast.
/// </summary>
public sealed class NewsDemoSeeder(EduPortalDbContext db, LocalFileStore store, TimeProvider clock)
{
    private static readonly (string Title, string Body)[] Stories =
    [
        ("我校举办科学实验开放周活动", "本周我校举办“走进实验室”科学实验开放周活动。各年级学生在科学教师指导下分组完成了“水的净化”“电路连接”“植物细胞观察”等实验，家长代表走进课堂观摩。活动激发了学生动手探究的兴趣，也展示了我校实验教学常态化开展的成果。"),
        ("春季田径运动会圆满落幕", "4月26日，我校第十二届春季田径运动会在学校操场举行。全校二十个班级的运动员参加了短跑、跳远、接力等十二个项目的比赛，赛场上同学们奋勇争先，展现了积极向上的精神面貌。"),
        ("开展教师信息技术应用能力校本培训", "为进一步提升教师运用班班通和教育云平台开展教学的能力，学校信息中心组织全体教师开展校本培训，内容包括互动课堂使用、教学资源检索和云空间栏目建设，参训教师现场完成了空间资料完善。"),
        ("三年级开展“节约用水”主题班会", "三年级各班围绕“节约用水，从我做起”开展主题班会，同学们分享了家庭节水小窍门，并制作了节水宣传卡片张贴在校园各处。"),
        ("校园读书节启动仪式", "学校第五届校园读书节今天启动，活动将持续一个月，设有好书推荐、读书笔记展评、亲子共读等环节。"),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.NewsItems.AnyAsync(cancellationToken))
        {
            return;
        }
        var teacherUser = await db.Users.AsNoTracking().Include(u => u.OrgUnit).SingleOrDefaultAsync(u => u.UserName == DemoAccounts.Teacher, cancellationToken);
        var adminUser = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == DemoAccounts.SchoolAdmin, cancellationToken);
        var countyUser = await db.Users.AsNoTracking().Include(u => u.OrgUnit).SingleOrDefaultAsync(u => u.UserName == DemoAccounts.CountyAdmin, cancellationToken);
        if (teacherUser?.OrgUnit is not { } school || adminUser is null || countyUser?.OrgUnit is not { } county)
        {
            return;
        }
        var colleague = await db.Users.AsNoTracking().ActiveServing()
            .Where(u => u.OrgUnitId == school.Id && u.Level == AdminLevel.Teacher && u.Id != teacherUser.Id).OrderBy(u => u.UserName).FirstOrDefaultAsync(cancellationToken);
        var teacher = CallerOf(teacherUser, school);
        var other = colleague is null ? teacher : CallerOf(colleague, school);
        var admin = CallerOf(adminUser, school);
        var countyAdmin = CallerOf(countyUser, county);
        var photos = await DrawPhotosAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var items = new List<NewsItem>();
        NewsItem Submit(Caller author, int story, int daysAgo, int photoCount)
        {
            var item = NewsItem.Submit(author, new NewsSchool(school.Id, school.Name, school.Path, county.Id), Stories[story].Title, Stories[story].Body, photoCount, 0, now.AddDays(-daysAgo)).Value!;
            for (var p = 0; p < photoCount; p++)
            {
                item.AddPhoto(author, photos[(story + p) % photos.Count].Key, photos[(story + p) % photos.Count].Thumbnail, "image/jpeg", creating: true);
            }
            items.Add(item);
            return item;
        }
        var featured = Submit(teacher, 0, 12, 3);
        featured.Publish(admin, now.AddDays(-11));
        featured.Recommend(admin, now.AddDays(-11));
        featured.Feature(countyAdmin, now.AddDays(-10));
        var recommended = Submit(other, 1, 6, 2);
        recommended.Publish(admin, now.AddDays(-5));
        recommended.Recommend(admin, now.AddDays(-5));
        var published = Submit(teacher, 2, 4, 1);
        published.Publish(admin, now.AddDays(-3));
        Submit(other, 3, 1, 1);
        var returned = Submit(teacher, 4, 2, 0);
        returned.Return(admin, "请补充活动照片，并写明读书节的具体时间安排后再提交。", now.AddDays(-1));
        db.NewsItems.AddRange(items);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static Caller CallerOf(ApplicationUser user, OrgUnit unit) =>
        new(user.Id, user.RealName, user.Level, unit.Id, unit.Name, unit.Path, unit.Kind, user.Capabilities);

    /// <summary>Three simple drawn "photos" (sky, a building, a flag) stored as the upload pipeline would store them.</summary>
    private async Task<List<(string Key, string? Thumbnail)>> DrawPhotosAsync(CancellationToken cancellationToken)
    {
        var result = new List<(string, string?)>();
        SKColor[] skies = [new(120, 180, 230), new(250, 200, 140), new(150, 210, 170)];
        for (var i = 0; i < skies.Length; i++)
        {
            using var bitmap = new SKBitmap(960, 640);
            using (var canvas = new SKCanvas(bitmap))
            {
                canvas.Clear(skies[i]);
                using var ground = new SKPaint { Color = new SKColor(110, 160, 90) };
                canvas.DrawRect(0, 460, 960, 180, ground);
                using var building = new SKPaint { Color = new SKColor(235, 225, 210) };
                canvas.DrawRect(180 + i * 60, 220, 520, 260, building);
                using var window = new SKPaint { Color = new SKColor(90, 130, 170) };
                for (var w = 0; w < 6; w++)
                {
                    canvas.DrawRect(220 + i * 60 + w * 80, 280, 44, 56, window);
                    canvas.DrawRect(220 + i * 60 + w * 80, 370, 44, 56, window);
                }
                using var flag = new SKPaint { Color = new SKColor(210, 40, 40) };
                canvas.DrawRect(100, 120, 6, 360, building);
                canvas.DrawRect(106, 120, 90, 60, flag);
            }
            using var image = SKImage.FromBitmap(bitmap);
            using var data = image.Encode(SKEncodedImageFormat.Jpeg, 80);
            using var content = new MemoryStream(data.ToArray());
            var key = await store.SaveAsync("news-photos", "jpg", content, cancellationToken);
            using var thumb = new MemoryStream(UploadPipeline.MakeThumbnail(bitmap));
            result.Add((key, await store.SaveSiblingAsync(key, "-thumb", thumb, cancellationToken)));
        }
        return result;
    }
}
