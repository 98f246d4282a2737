using System.Diagnostics;

namespace EduPortal.Web.Tests.Infrastructure;

/// <summary>Reads a PDF's text back as a user copying it would get it (poppler's pdftotext, which CI installs).</summary>
public static class PdfText
{
    /// <summary>Runs pdftotext (poppler-utils, installed by CI); with a name, also renders page 1 to artifacts/pdf for a person to look at.</summary>
    public static async Task<string> ExtractAsync(byte[] pdf, string? name)
    {
        var folder = Path.Combine(Path.GetTempPath(), "eduportal-pdf-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var file = Path.Combine(folder, "form.pdf");
            await File.WriteAllBytesAsync(file, pdf);
            await RunAsync("pdftotext", "-enc", "UTF-8", file, Path.Combine(folder, "form.txt"));
            if (name is not null)
            {
                var artifacts = Path.Combine(RepositoryRoot, "artifacts", "pdf");
                Directory.CreateDirectory(artifacts);
                await File.WriteAllBytesAsync(Path.Combine(artifacts, name + ".pdf"), pdf);
                await RunAsync("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", file, Path.Combine(artifacts, name + "-page1"));
            }
            return await File.ReadAllTextAsync(Path.Combine(folder, "form.txt"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task RunAsync(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true })
            ?? throw new InvalidOperationException($"{program} did not start (apt install poppler-utils)");
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} failed: {errors}");
    }

    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "EduPortal.sln")))
            {
                directory = directory.Parent;
            }
            return directory?.FullName ?? throw new InvalidOperationException("EduPortal.sln not found");
        }
    }
}
