using EduPortal.Web.Features.Accounts;

namespace EduPortal.Web.Tests.Infrastructure;

/// <summary>Roster workbooks written into the downloadable template, as a school admin would fill it.</summary>
public static class RosterFiles
{
    public static byte[] Build(params (string Name, string Phone, string Subjects)[] rows) =>
        ImportFiles.FromTemplate(RosterImportService.BuildTemplate(), rows.Select(r => new[] { r.Name, r.Phone, r.Subjects }).ToArray()).ToArray();
}
