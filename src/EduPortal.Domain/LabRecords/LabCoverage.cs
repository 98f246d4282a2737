namespace EduPortal.Domain.LabRecords;

/// <summary>开出率 of one school for one subject and grade: catalogue experiments recorded / catalogue experiments.</summary>
public sealed record CoverageCell(LabSubject Subject, int Grade, int CatalogueCount, int CoveredCount)
{
    /// <summary>Null when the catalogue has nothing for the subject and grade (shown as "—").</summary>
    public double? Rate => CatalogueCount == 0 ? null : (double)CoveredCount / CatalogueCount;
}

public static class LabCoverage
{
    /// <summary>
    /// Coverage per subject and grade for the grades a school teaches. <paramref name="catalogue"/> holds the active
    /// entries that apply to the school; <paramref name="recordedExperimentIds"/> the catalogue entries its shown
    /// records cite in the term. An experiment recorded twice counts once.
    /// </summary>
    public static IReadOnlyList<CoverageCell> Compute(IEnumerable<LabExperiment> catalogue, IEnumerable<int> recordedExperimentIds, IEnumerable<int> schoolGrades)
    {
        var recorded = recordedExperimentIds.ToHashSet();
        var grades = schoolGrades.ToHashSet();
        return catalogue
            .Where(e => e.Active && grades.Contains(e.Grade))
            .GroupBy(e => (e.Subject, e.Grade))
            .OrderBy(g => g.Key.Subject).ThenBy(g => g.Key.Grade)
            .Select(g => new CoverageCell(g.Key.Subject, g.Key.Grade, g.Count(), g.Count(e => recorded.Contains(e.Id))))
            .ToList();
    }

    /// <summary>
    /// Schools without a shown record whose lesson date falls within the last <paramref name="weeks"/> weeks
    /// (today included), in the order given.
    /// </summary>
    public static IReadOnlyList<int> InactiveSchools(IEnumerable<(int SchoolId, DateOnly? LastLessonDate)> schools, DateOnly today, int weeks)
    {
        var since = today.AddDays(-7 * weeks + 1);
        return schools.Where(s => s.LastLessonDate is null || s.LastLessonDate < since).Select(s => s.SchoolId).ToList();
    }
}
