using EduPortal.Data;
using EduPortal.Data.Jurisdiction;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Smartboards;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Smartboards;

/// <summary>The coverage counts the register, the coverage page and the metric sources share.</summary>
public static class SmartboardCoverageQueries
{
    /// <summary>
    /// Classes per school whose own room holds installed interactive equipment (<see cref="CoverageRule.Counts"/>): one
    /// count of distinct rooms per school.
    /// </summary>
    public static async Task<Dictionary<int, int>> EquippedClassesBySchoolAsync(EduPortalDbContext db, Caller caller, CancellationToken cancellationToken)
    {
        var interactive = DeviceTypes.All.Where(t => t.IsInteractive()).ToList();
        var equippedRooms = db.Devices.WithinJurisdiction(caller)
            .Where(d => d.ClassroomId != null && interactive.Contains(d.Type)
                && (d.Status == DeviceStatus.InUse || d.Status == DeviceStatus.UnderRepair))
            .Select(d => d.ClassroomId);
        return await db.Classrooms.AsNoTracking().WithinJurisdiction(caller)
            .Where(c => c.Kind == ClassroomKind.Ordinary && c.SchoolClassId != null && equippedRooms.Contains(c.Id))
            .GroupBy(c => c.SchoolId)
            .Select(g => new { SchoolId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.SchoolId, g => g.Count, cancellationToken);
    }
}
