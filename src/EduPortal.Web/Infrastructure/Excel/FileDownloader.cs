using Microsoft.JSInterop;

namespace EduPortal.Web.Infrastructure.Excel;

/// <summary>Sends a generated file (Excel, PDF) from the circuit to the user's browser.</summary>
public sealed class FileDownloader(IJSRuntime js)
{
    public async Task DownloadAsync(string fileName, string contentType, byte[] content)
    {
        using var stream = new MemoryStream(content);
        using var reference = new DotNetStreamReference(stream);
        await js.InvokeVoidAsync("eduPortal.downloadFile", fileName, contentType, reference);
    }
}
