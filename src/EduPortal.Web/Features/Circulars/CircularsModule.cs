using EduPortal.Data;
using EduPortal.Domain.Accounts;
using EduPortal.Web.Infrastructure.Auth;
using EduPortal.Web.Infrastructure.Database;
using EduPortal.Web.Infrastructure.Excel;
using EduPortal.Web.Infrastructure.Files;
using EduPortal.Web.Infrastructure.Reports;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Circulars;

/// <summary>Registration, endpoints, jobs and demo data of the circulars module (通知：发文、签收、催办、回复、红头 PDF).</summary>
public static class CircularsModule
{
    public static IServiceCollection AddCirculars(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<CircularService>();
        return services;
    }

    /// <summary>
    /// The module's downloads — attachments, reply files, the 红头 PDF, the receipt workbook — each only for callers who may
    /// see the circular (another county's or school's ids answer 404).
    /// </summary>
    public static void MapCircularsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/circulars/{id:int}/files/{attachmentId:int}", (int id, int attachmentId, HttpContext http, CircularService circulars, CancellationToken ct) =>
            ServeStoredAsync(http, caller => circulars.FindAttachmentAsync(caller, id, attachmentId, ct), $"circular-{id}-attachment-{attachmentId}", ct))
            .RequireAuthorization();
        app.MapGet("/circulars/{id:int}/replies/{recipientId:int}", (int id, int recipientId, HttpContext http, CircularService circulars, CancellationToken ct) =>
            ServeStoredAsync(http, caller => circulars.FindReplyFileAsync(caller, id, recipientId, ct), $"circular-{id}-reply-{recipientId}", ct))
            .RequireAuthorization();
        app.MapGet("/circulars/{id:int}/pdf", async (int id, HttpContext http, CircularService circulars, CancellationToken ct) =>
        {
            var caller = await CallerOf(http, ct);
            if (caller is null)
            {
                return Results.Unauthorized();
            }
            var pdf = await circulars.PdfAsync(caller, id, ct);
            return pdf.Succeeded ? Results.File(pdf.Value.Bytes, PdfReport.ContentType, pdf.Value.FileName) : Results.NotFound();
        }).RequireAuthorization();
        app.MapGet("/circulars/{id:int}/receipts.xlsx", async (int id, HttpContext http, CircularService circulars, CancellationToken ct) =>
        {
            var caller = await CallerOf(http, ct);
            if (caller is null)
            {
                return Results.Unauthorized();
            }
            var export = await circulars.ExportReceiptsAsync(caller, id, ct);
            return export.Succeeded ? Results.File(export.Value.Bytes, ExcelExport.ContentType, export.Value.FileName) : Results.NotFound();
        }).RequireAuthorization();
    }

    private static Task<Caller?> CallerOf(HttpContext http, CancellationToken ct) =>
        CallerAccessor.LoadAsync(http.RequestServices.GetRequiredService<IDbContextFactory<EduPortalDbContext>>(), http.User, ct);

    private static async Task<IResult> ServeStoredAsync(HttpContext http, Func<Caller, Task<CircularFile?>> find, string downloadName, CancellationToken ct)
    {
        var caller = await CallerOf(http, ct);
        if (caller is null)
        {
            return Results.Unauthorized();
        }
        var file = await find(caller);
        var stream = file is null ? null : await http.RequestServices.GetRequiredService<IFileStore>().OpenReadAsync(file.StoredPath, ct);
        return stream is null ? Results.NotFound() : StoredFileResults.Serve(http, stream, file!.ContentType, downloadName, file.FileName);
    }

    /// <summary>No recurring jobs: reminders are sent by the issuer (bulletins publish through <see cref="CircularService.PublishGeneratedAsync"/>).</summary>
    public static void ScheduleCircularsJobs(this WebApplication app)
    {
        _ = app;
    }

    /// <summary>Demo circulars (circular 000 itself from 东溪区, one from the city); nothing when circulars exist.</summary>
    public static async Task SeedCircularsAsync(this SeedContext seed, CancellationToken cancellationToken = default)
    {
        if (seed.Demo)
        {
            await ActivatorUtilities.CreateInstance<CircularDemoSeeder>(seed.Services).SeedAsync(cancellationToken);
        }
    }
}
