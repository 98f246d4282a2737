using EduPortal.Data.Seeding;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Organization;
using EduPortal.Web.Infrastructure.Auth;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Tests.News;

/// <summary>Callers for the news, guide and feedback tests, picked through the ActiveServing query.</summary>
internal static class NewsTestPeople
{
    /// <summary>The <paramref name="index"/>-th serving teacher (by user name) of a school: each test takes its own.</summary>
    public static async Task<Caller> TeacherAsync(this PortalFactory portal, int schoolId, int index)
    {
        await using var db = await portal.DbAsync();
        var id = await PortalFactory.ServingTeachers(db, schoolId).OrderBy(u => u.UserName).Skip(index).Select(u => u.Id).FirstAsync();
        return await CallerAccessor.LoadAsync(db, id) ?? throw new InvalidOperationException("teacher cannot sign in");
    }

    /// <summary>A bureau editor of a county other than the demo county (the capability set on a copy of the county admin's caller).</summary>
    public static async Task<Caller> OtherCountyEditorAsync(this PortalFactory portal)
    {
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        await using var db = await portal.DbAsync();
        var other = await db.OrgUnits.Where(o => o.Kind == OrgUnitKind.County && o.Id != county.OrgUnitId).OrderBy(o => o.Id).FirstAsync();
        return county with
        {
            UserId = "other-county-editor",
            RealName = "外县编辑",
            OrgUnitId = other.Id,
            OrgUnitName = other.Name,
            OrgPath = other.Path,
            Capabilities = Capability.BureauEditor
        };
    }

    public static async Task<OrgUnit> SchoolOfOtherCountyAsync(this PortalFactory portal, int skip)
    {
        var own = await portal.DemoSchoolAsync();
        var countyPath = OrgUnit.AncestorPaths(own.Path)[1];
        await using var db = await portal.DbAsync();
        return await db.OrgUnits.Where(o => o.Kind == OrgUnitKind.School && !o.Path.StartsWith(countyPath)).OrderBy(o => o.Id).Skip(skip).FirstAsync();
    }
}
