using EduPortal.Domain.Common;

namespace EduPortal.Domain.Organization;

/// <summary>
/// A node of the org tree. <see cref="Path"/> is a materialised path of sibling sequence numbers
/// ("/1/3/12/"): a unit's jurisdiction is every unit whose path starts with its own.
/// </summary>
public sealed class OrgUnit
{
    public const int MaxNameLength = 60;

    private OrgUnit()
    {
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public OrgUnitKind Kind { get; private set; }
    public int? ParentId { get; private set; }
    public OrgUnit? Parent { get; private set; }
    public string Path { get; private set; } = "";
    public int Depth => Path.Count(c => c == '/') - 1;

    /// <summary>Stage of a school; <see cref="SchoolStage.None"/> for bureaus and township centres.</summary>
    public SchoolStage Stage { get; private set; }
    public int StudentCount { get; private set; }
    public string? Phone { get; private set; }
    public string? Address { get; private set; }

    /// <summary>
    /// A vocational school (职校): its index is computed like any school's, but the award rankings leave it out
    /// (circular 001 §四(三)3: 在全区中小学校（不含职校）及教师中评选深度应用优秀学校和深度应用优秀个人).
    /// </summary>
    public bool IsVocational { get; private set; }

    /// <summary>Highest sibling sequence number handed out under this unit; keeps paths unique.</summary>
    public int ChildSequence { get; private set; }

    public List<SchoolClass> Classes { get; private set; } = [];

    public bool IsSchool => Kind == OrgUnitKind.School;

    public static OrgUnit CreateCity(string name)
    {
        return new OrgUnit { Name = name.Trim(), Kind = OrgUnitKind.City, Path = "/1/" };
    }

    /// <summary>Creates a unit under this one, checking the tree's shape and the name.</summary>
    public Result<OrgUnit> AddChild(OrgUnitKind kind, string name, SchoolStage stage = SchoolStage.None, int studentCount = 0)
    {
        var validation = ValidateDetails(kind, name, stage, studentCount);
        if (validation is not null)
        {
            return validation;
        }
        if (!Kind.AllowedChildren().Contains(kind))
        {
            return new ForbiddenError($"{Kind.DisplayName()}下不能直接设立{kind.DisplayName()}。");
        }
        ChildSequence++;
        var child = new OrgUnit
        {
            Name = name.Trim(),
            Kind = kind,
            Parent = this,
            ParentId = Id == 0 ? null : Id,
            Path = $"{Path}{ChildSequence}/",
            Stage = kind == OrgUnitKind.School ? stage : SchoolStage.None,
            StudentCount = kind == OrgUnitKind.School ? studentCount : 0,
        };
        return child;
    }

    public Result UpdateDetails(string name, SchoolStage stage, int studentCount, string? phone, string? address)
    {
        var validation = ValidateDetails(Kind, name, stage, studentCount);
        var builder = new ValidationBuilder();
        if (validation is not null)
        {
            foreach (var (field, message) in validation.Fields)
            {
                builder.Check(false, field, message);
            }
        }
        var trimmedPhone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
        builder.Check(trimmedPhone is null || PhoneNumbers.IsMainlandPhone(trimmedPhone), nameof(Phone), "请输入有效的手机号或带区号的固定电话");
        if (IsSchool && stage != Stage)
        {
            var orphanGrades = Classes.Where(c => !stage.AllowsGrade(c.Grade)).Select(c => c.DisplayName).ToList();
            builder.Check(orphanGrades.Count == 0, nameof(Stage),
                $"学段与现有班级不符：{string.Join("、", orphanGrades.Take(3))}{(orphanGrades.Count > 3 ? " 等" : "")}");
        }
        if (builder.Build() is { } error)
        {
            return error;
        }
        Name = name.Trim();
        Stage = IsSchool ? stage : SchoolStage.None;
        StudentCount = IsSchool ? studentCount : 0;
        Phone = trimmedPhone;
        Address = string.IsNullOrWhiteSpace(address) ? null : address.Trim();
        return Result.Success;
    }

    private static ValidationError? ValidateDetails(OrgUnitKind kind, string name, SchoolStage stage, int studentCount)
    {
        var trimmed = name?.Trim() ?? "";
        return new ValidationBuilder()
            .Check(trimmed.Length > 0, nameof(Name), "请填写单位名称")
            .Check(trimmed.Length <= MaxNameLength, nameof(Name), $"单位名称不能超过 {MaxNameLength} 个字")
            .Check(kind != OrgUnitKind.School || stage != SchoolStage.None, nameof(Stage), "请选择学段")
            .Check(studentCount >= 0, nameof(StudentCount), "学生数不能为负数")
            .Check(studentCount <= 100_000, nameof(StudentCount), "学生数超出合理范围")
            .Build();
    }

    /// <summary>Flags or unflags a school as vocational (职校); only schools carry the flag.</summary>
    public Result SetVocational(bool vocational)
    {
        if (vocational && !IsSchool)
        {
            return ValidationError.For(nameof(IsVocational), "只有学校可以标记为职校");
        }
        IsVocational = vocational;
        return Result.Success;
    }

    /// <summary>Adds a class (e.g. 七年级3班) after checking the grade fits the stage and the class is new.</summary>
    public Result<SchoolClass> AddClass(int grade, int number)
    {
        if (!IsSchool)
        {
            return new ForbiddenError("只有学校可以设置班级。");
        }
        var error = new ValidationBuilder()
            .Check(Stage.AllowsGrade(grade), nameof(SchoolClass.Grade), $"{Stage.DisplayName()}没有{SchoolClass.GradeName(grade)}")
            .Check(number is >= 1 and <= 99, nameof(SchoolClass.Number), "班号应为 1–99")
            .Build();
        if (error is not null)
        {
            return error;
        }
        if (Classes.Any(c => c.Grade == grade && c.Number == number))
        {
            return ValidationError.For(nameof(SchoolClass.Number), $"{SchoolClass.FormatName(grade, number)}已存在");
        }
        var schoolClass = new SchoolClass(this, grade, number);
        Classes.Add(schoolClass);
        return schoolClass;
    }

    public bool Contains(OrgUnit other) => other.Path.StartsWith(Path, StringComparison.Ordinal);

    public static bool PathContains(string ancestorPath, string descendantPath) =>
        descendantPath.StartsWith(ancestorPath, StringComparison.Ordinal);

    /// <summary>Paths of this path and all its ancestors, root first ("/1/", "/1/3/", "/1/3/12/").</summary>
    public static IReadOnlyList<string> AncestorPaths(string path)
    {
        var parts = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var result = new List<string>(parts.Length);
        var current = "/";
        foreach (var part in parts)
        {
            current += part + "/";
            result.Add(current);
        }
        return result;
    }
}
