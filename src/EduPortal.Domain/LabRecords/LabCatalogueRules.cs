using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;

namespace EduPortal.Domain.LabRecords;

/// <summary>Who maintains the experiment catalogue, and what a valid entry is (circular 000 §二.3).</summary>
public static class LabCatalogueRules
{
    /// <summary>The city maintains the district's entries and a county its own; schools only read them.</summary>
    public static bool CanMaintain(Caller caller) => caller.Level >= AdminLevel.County && caller.OrgKind is OrgUnitKind.City or OrgUnitKind.County;

    public static ValidationError? Validate(CatalogueEntryInput input)
    {
        var v = new ValidationBuilder();
        v.Check(input.Subject is not null, nameof(input.Subject), "请选择学科");
        v.Check(input.Grade is >= 1 and <= 12, nameof(input.Grade), "请选择年级");
        if (input.Subject is { } subject && input.Grade is { } grade)
        {
            v.Check(subject.IsTaughtIn(grade), nameof(input.Grade), $"{SchoolClass.GradeName(grade)}不开设{subject.DisplayName()}课");
        }
        var code = input.Code?.Trim() ?? "";
        v.Check(code.Length is >= 1 and <= 20, nameof(input.Code), "请填写编号（不超过 20 个字符）");
        var name = input.Name?.Trim() ?? "";
        v.Check(name.Length >= 2, nameof(input.Name), "请填写实验名称（至少 2 个字）");
        v.Check(name.Length <= LabExperiment.MaxNameLength, nameof(input.Name), $"实验名称不能超过 {LabExperiment.MaxNameLength} 字");
        v.Check(input.Kind is not null, nameof(input.Kind), "请选择实验类型");
        return v.Build();
    }
}
