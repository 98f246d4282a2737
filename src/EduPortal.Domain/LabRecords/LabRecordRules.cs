using EduPortal.Domain.Common;

namespace EduPortal.Domain.LabRecords;

/// <summary>What the service looked up for validating a record's details.</summary>
/// <param name="Today">Today in China time.</param>
/// <param name="Experiment">The catalogue entry the record cites, if any and if it applies to the school.</param>
/// <param name="CatalogueHasEntries">Whether the catalogue lists active experiments for the subject and the class's grade.</param>
/// <param name="ClassGrade">The grade of the chosen class if it belongs to the teacher's school, else null.</param>
/// <param name="SubjectOpen">Whether the chosen subject is open for recording at the school (<see cref="LabSubjectOpenings.IsOpenFor"/>).</param>
public sealed record LabDetailsFacts(DateOnly Today, LabExperiment? Experiment, bool CatalogueHasEntries, int? ClassGrade, bool SubjectOpen = true);

/// <summary>Pure rules for a record's fields and media. Messages are keyed by the input's field name.</summary>
public static class LabRecordRules
{
    public const int MaxPeriod = 10;
    public const int MaxNotesLength = 500;

    /// <summary>A record may describe a lesson up to this many days ago (a term and a bit).</summary>
    public const int MaxDaysBack = 180;

    public static string? CheckReason(string? reason, string label)
    {
        var text = reason?.Trim() ?? "";
        if (text.Length < LabRecord.MinReasonLength)
        {
            return $"请填写{label}（至少 {LabRecord.MinReasonLength} 个字）";
        }
        return text.Length > LabRecord.MaxReasonLength ? $"{label}不能超过 {LabRecord.MaxReasonLength} 字" : null;
    }

    /// <summary>
    /// Checks the fields. A draft may leave fields empty but what it fills must be right; publishing needs every
    /// field. Nothing is saved when this returns errors.
    /// </summary>
    public static ValidationError? ValidateDetails(LabRecordDetails details, LabDetailsFacts facts, bool forPublish)
    {
        var v = new ValidationBuilder();
        v.Check(!forPublish || details.Subject is not null, nameof(details.Subject), "请选择学科");
        if (details.Subject is { } chosen)
        {
            // circular 000 §二.3: GT and IT record only once their catalogue is complete and the subject is opened.
            v.Check(facts.SubjectOpen, nameof(details.Subject), LabSubjectOpenings.ClosedMessage(chosen));
        }
        v.Check(!forPublish || details.Kind is not null, nameof(details.Kind), "请选择实验类型");
        if (details.Subject is { } subject && details.Kind is { } kind)
        {
            v.Check(LabSubjects.KindsFor(subject).Contains(kind), nameof(details.Kind), $"{subject.DisplayName()}课不能选择“{kind.DisplayName()}”");
        }

        v.Check(!forPublish || details.ClassId is not null, nameof(details.ClassId), "请选择上课班级");
        if (details.ClassId is not null)
        {
            v.Check(facts.ClassGrade is not null, nameof(details.ClassId), "该班级不属于您的学校");
            if (facts.ClassGrade is { } grade && details.Subject is { } s)
            {
                v.Check(s.IsTaughtIn(grade), nameof(details.ClassId), $"{Organization.SchoolClass.GradeName(grade)}不开设{s.DisplayName()}课，请检查学科或班级");
            }
        }

        if (details.ExperimentId is not null)
        {
            var experiment = facts.Experiment;
            v.Check(experiment is { Active: true }, nameof(details.ExperimentId), "所选实验不在本校适用的实验目录中");
            if (experiment is not null && details.Subject is { } subj)
            {
                v.Check(experiment.Subject == subj, nameof(details.ExperimentId), "所选实验与学科不符");
            }
            if (experiment is not null && facts.ClassGrade is { } g)
            {
                v.Check(experiment.Grade == g, nameof(details.ExperimentId), $"所选实验属于{Organization.SchoolClass.GradeName(experiment.Grade)}，与班级年级不符");
            }
        }
        else if (forPublish && facts.CatalogueHasEntries)
        {
            v.Check(false, nameof(details.ExperimentId), "请从实验目录中选择实验");
        }
        else if (forPublish && (details.Subject is null || facts.ClassGrade is null))
        {
            // Which experiment (or name) is asked for depends on the subject and the class's grade: say which is missing.
            v.Check(false, nameof(details.Title), details.Subject is null ? "请先选择学科" : "请先选择上课班级");
        }
        var needsTitle = details.ExperimentId is null && (forPublish
            ? !facts.CatalogueHasEntries && details.Subject is not null && facts.ClassGrade is not null
            : !string.IsNullOrWhiteSpace(details.Title));
        if (needsTitle)
        {
            var title = details.Title?.Trim() ?? "";
            v.Check(title.Length >= 2, nameof(details.Title), "目录中没有该年级的实验，请填写实验名称（至少 2 个字）");
            v.Check(title.Length <= LabExperiment.MaxNameLength, nameof(details.Title), $"实验名称不能超过 {LabExperiment.MaxNameLength} 字");
        }

        v.Check(!forPublish || details.LessonDate is not null, nameof(details.LessonDate), "请选择上课日期");
        if (details.LessonDate is { } date)
        {
            v.Check(date <= facts.Today, nameof(details.LessonDate), "上课日期不能晚于今天");
            v.Check(date >= facts.Today.AddDays(-MaxDaysBack), nameof(details.LessonDate), $"只能记录 {MaxDaysBack} 天以内的实验课");
        }
        v.Check(!forPublish || details.Period is not null, nameof(details.Period), "请选择节次");
        if (details.Period is { } period)
        {
            v.Check(period is >= 1 and <= MaxPeriod, nameof(details.Period), $"节次应在第 1 至第 {MaxPeriod} 节之间");
        }
        v.Check((details.Notes?.Trim().Length ?? 0) <= MaxNotesLength, nameof(details.Notes), $"备注不能超过 {MaxNotesLength} 字");
        return v.Build();
    }

    /// <summary>
    /// What the entity itself can check before publishing: every field present and the three named photos
    /// (circular 000 §四.2: "三张应该有…").
    /// </summary>
    public static ValidationError? ValidateForPublish(LabRecordDetails details, IReadOnlyCollection<LabMediaSlot> filledSlots)
    {
        var v = new ValidationBuilder();
        v.Check(details.Subject is not null, nameof(details.Subject), "请选择学科");
        v.Check(details.Kind is not null, nameof(details.Kind), "请选择实验类型");
        v.Check(details.ClassId is not null, nameof(details.ClassId), "请选择上课班级");
        v.Check(details.ExperimentId is not null || !string.IsNullOrWhiteSpace(details.Title), nameof(details.ExperimentId), "请从实验目录中选择实验");
        v.Check(details.LessonDate is not null, nameof(details.LessonDate), "请选择上课日期");
        v.Check(details.Period is not null, nameof(details.Period), "请选择节次");
        foreach (var slot in LabMediaSlots.Required)
        {
            v.Check(filledSlots.Contains(slot), slot.ToString(), $"请上传“{slot.DisplayName()}”照片");
        }
        v.Check(filledSlots.Count(s => s.IsPhoto()) <= LabMediaSlots.MaxPhotos, "Photos", $"照片最多 {LabMediaSlots.MaxPhotos} 张");
        return v.Build();
    }
}
