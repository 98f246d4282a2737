using EduPortal.Web.Infrastructure.Files;

namespace EduPortal.Web.Infrastructure;

/// <summary>The shared stored-file endpoint; each module maps its own endpoints in its module file.</summary>
public static class Endpoints
{
    /// <summary>
    /// Categories any signed-in user may fetch. A module storing files that belong to a school (lab
    /// photos, attachments) serves them through its own endpoint that checks the owning record against
    /// the caller's jurisdiction; here they are simply not found.
    /// </summary>
    private static readonly HashSet<string> OpenCategories = ["avatars"];

    /// <summary>Stored files for signed-in users. Keys are server-generated; anything else is a 404.</summary>
    public static void MapFileEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/files/{**key}", async (string key, HttpContext http, IFileStore store, CancellationToken cancellationToken) =>
        {
            if (!FileKeys.IsValid(key) || !OpenCategories.Contains(key[..key.IndexOf('/')]))
            {
                return Results.NotFound();
            }
            var stream = await store.OpenReadAsync(key, cancellationToken);
            if (stream is null)
            {
                return Results.NotFound();
            }
            var contentType = FileSignatures.ContentTypeOfExtension(Path.GetExtension(key).TrimStart('.'));
            return StoredFileResults.Serve(http, stream, contentType, Path.GetFileNameWithoutExtension(key));
        }).RequireAuthorization();
    }
}
