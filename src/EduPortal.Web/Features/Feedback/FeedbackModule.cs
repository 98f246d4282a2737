using EduPortal.Data;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Feedback;
using EduPortal.Web.Infrastructure.Auth;
using EduPortal.Web.Infrastructure.Database;
using EduPortal.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Feedback;

/// <summary>Registration, endpoints and demo data of users' feedback (意见建议, circular 000 §三.3).</summary>
public static class FeedbackModule
{
    public static IServiceCollection AddFeedback(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<UserFeedbackService>();
        return services;
    }

    /// <summary>A feedback's screenshot, served only to its sender and the editors who handle it (another county's id answers 404).</summary>
    public static void MapFeedbackEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/suggestions/{id:int}/screenshot", async (int id, string? thumb, HttpContext http, UserFeedbackService feedback, IFileStore store,
            IDbContextFactory<EduPortalDbContext> dbFactory, CancellationToken cancellationToken) =>
        {
            var caller = await CallerAccessor.LoadAsync(dbFactory, http.User, cancellationToken);
            if (caller is null)
            {
                return Results.Unauthorized();
            }
            var shot = await feedback.FindScreenshotAsync(caller, id, thumb is "1" or "true", cancellationToken);
            var stream = shot is null ? null : await store.OpenReadAsync(shot.Value.Key, cancellationToken);
            return stream is null ? Results.NotFound() : StoredFileResults.Serve(http, stream, shot!.Value.ContentType, $"feedback-screenshot-{id}");
        }).RequireAuthorization();
    }

    public static void ScheduleFeedbackJobs(this WebApplication app)
    {
    }

    /// <summary>Two demo items from the demo teacher, one answered by the county's editor, when the demo city was just seeded.</summary>
    public static async Task SeedFeedbackAsync(this SeedContext seed, CancellationToken cancellationToken = default)
    {
        if (!seed.Demo || !seed.CitySeeded || await seed.Db.UserFeedback.AnyAsync(cancellationToken))
        {
            return;
        }
        var db = seed.Db;
        var teacher = await db.Users.AsNoTracking().Include(u => u.OrgUnit).SingleOrDefaultAsync(u => u.UserName == DemoAccounts.Teacher, cancellationToken);
        var editor = await db.Users.AsNoTracking().Include(u => u.OrgUnit).SingleOrDefaultAsync(u => u.UserName == DemoAccounts.CountyAdmin, cancellationToken);
        if (teacher?.OrgUnit is null || editor?.OrgUnit is null)
        {
            return;
        }
        var now = seed.Clock.GetUtcNow();
        var sender = new Caller(teacher.Id, teacher.RealName, teacher.Level, teacher.OrgUnitId, teacher.OrgUnit.Name, teacher.OrgUnit.Path, teacher.OrgUnit.Kind, teacher.Capabilities);
        var bureau = new Caller(editor.Id, editor.RealName, editor.Level, editor.OrgUnitId, editor.OrgUnit.Name, editor.OrgUnit.Path, editor.OrgUnit.Kind, editor.Capabilities);
        var answered = UserFeedback.Send(sender, FeedbackCategory.Problem, "用手机记录实验课时，上传第三张照片后页面一直显示“上传中”，换用无线网络后才成功。请问照片有大小限制吗？", 0,
            now.AddDays(-3)).Value!;
        answered.Answer(bureau, "照片单张不超过 15 MB，系统会自动压缩。移动网络信号弱时上传较慢，建议在学校无线网络下上传；如仍有问题请联系学校管理员。", now.AddDays(-2));
        var open = UserFeedback.Send(sender, FeedbackCategory.Suggestion, "建议在“我的实验”中增加按学期筛选，方便期末整理本学期的实验记录。", 0, now.AddDays(-1)).Value!;
        db.UserFeedback.AddRange(answered, open);
        await db.SaveChangesAsync(cancellationToken);
    }
}
