using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;

namespace EduPortal.Domain.CloudSpaces;

/// <summary>
/// One candidate of a round: a nominated teacher's or school space (scored by experts), or a teacher or school placed
/// by the deep-application index. Its result (mean, rank, tier) is written when the county previews or publishes.
/// </summary>
public sealed class AwardEntry
{
    public const int MaxUrlLength = 300;
    public const int MaxNoteLength = 200;

    private AwardEntry()
    {
    }

    public int Id { get; private set; }
    public int RoundId { get; private set; }
    public AwardKind Kind { get; private set; }
    public int SchoolId { get; private set; }
    public string SchoolPath { get; private set; } = "";
    public string SchoolName { get; private set; } = "";
    public string? TeacherId { get; private set; }
    public string? TeacherName { get; private set; }
    public string? SpaceUrl { get; private set; }
    public string? Note { get; private set; }
    public DateTimeOffset NominatedAt { get; private set; }
    public string? NominatedById { get; private set; }
    public string? NominatedByName { get; private set; }

    /// <summary>The measure ranked: the experts' mean for a nominated space, points or the index for a computed entry.</summary>
    public decimal? Score { get; private set; }
    /// <summary>Second key at a tie: the mean 综合应用 marks of a space, the active teachers' points of a school.</summary>
    public decimal TieBreak { get; private set; }
    public int? Rank { get; private set; }
    public AwardTier Tier { get; private set; }
    public bool TiedAtBoundary { get; private set; }
    public AwardTier? OverrideTier { get; private set; }
    public string? OverrideNote { get; private set; }

    /// <summary>The tier that counts: the admin's override if any, else the computed one.</summary>
    public AwardTier FinalTier => OverrideTier ?? Tier;

    public string DisplayName => TeacherName is { } teacher ? $"{teacher}（{SchoolName}）" : SchoolName;

    /// <summary>
    /// A school admin nominates during 报名 (circular 001 §四(三)2): a teacher of their own school for 优秀教师空间,
    /// or their school's own space for 优秀学校空间.
    /// </summary>
    public static Result<AwardEntry> Nominate(AwardRound round, Caller caller, AwardNomination input, AwardNominee nominee, DateOnly today, DateTimeOffset now)
    {
        if (caller.Level != AdminLevel.School || !OrgUnit.PathContains(round.CountyPath, nominee.SchoolPath))
        {
            return new ForbiddenError("只有本区县学校的校级管理员可以报名。");
        }
        if (!caller.Covers(nominee.SchoolPath))
        {
            return new NotFoundError();
        }
        var open = round.CheckNominationOpen(today);
        if (!open.Succeeded)
        {
            return open.Error!;
        }
        var url = input.SpaceUrl?.Trim() ?? "";
        var note = input.Note?.Trim() ?? "";
        var error = new ValidationBuilder()
            .Check(input.Kind.IsNominated(), nameof(input.Kind), "深度应用奖项由指数评定，不需要报名")
            .Check(input.Kind != AwardKind.TeacherSpace || nominee.TeacherId is not null, nameof(input.TeacherId), "请选择要推荐的教师")
            .Check(url.Length > 0, nameof(input.SpaceUrl), "请填写空间网址")
            .Check(url.Length == 0 || IsWebAddress(url), nameof(input.SpaceUrl), "空间网址须以 http:// 或 https:// 开头")
            .Check(url.Length <= MaxUrlLength, nameof(input.SpaceUrl), $"网址不能超过 {MaxUrlLength} 个字符")
            .Check(note.Length <= MaxNoteLength, nameof(input.Note), $"推荐说明不能超过 {MaxNoteLength} 个字")
            .Build();
        if (error is not null)
        {
            return error;
        }
        var personal = input.Kind == AwardKind.TeacherSpace;
        return new AwardEntry
        {
            RoundId = round.Id,
            Kind = input.Kind,
            SchoolId = nominee.SchoolId,
            SchoolPath = nominee.SchoolPath,
            SchoolName = nominee.SchoolName,
            TeacherId = personal ? nominee.TeacherId : null,
            TeacherName = personal ? nominee.TeacherName : null,
            SpaceUrl = url,
            Note = note.Length == 0 ? null : note,
            NominatedAt = now,
            NominatedById = caller.UserId,
            NominatedByName = caller.RealName,
        };
    }

    /// <summary>A deep-application entry placed by the index (circular 001 §四(三)3), not nominated by anyone.</summary>
    public static AwardEntry Computed(AwardRound round, AwardKind kind, AwardNominee nominee, decimal score, decimal tieBreak, DateTimeOffset now)
    {
        if (kind.IsNominated())
        {
            throw new ArgumentException("Only the deep-application awards are computed.", nameof(kind));
        }
        return new AwardEntry
        {
            RoundId = round.Id,
            Kind = kind,
            SchoolId = nominee.SchoolId,
            SchoolPath = nominee.SchoolPath,
            SchoolName = nominee.SchoolName,
            TeacherId = kind.IsPersonal() ? nominee.TeacherId : null,
            TeacherName = kind.IsPersonal() ? nominee.TeacherName : null,
            NominatedAt = now,
            Score = score,
            TieBreak = tieBreak,
        };
    }

    /// <summary>The nominating school's admin withdraws during 报名.</summary>
    public Result CheckWithdraw(AwardRound round, Caller caller, DateOnly today)
    {
        if (!Kind.IsNominated() || caller.Level != AdminLevel.School || !caller.Covers(SchoolPath))
        {
            return new NotFoundError();
        }
        return round.CheckNominationOpen(today);
    }

    /// <summary>The space's score from the experts' marks (mean of totals, mean 综合应用 as tie-break).</summary>
    public void SetScores(decimal? mean, decimal tieBreak)
    {
        if (Kind.IsNominated())
        {
            Score = mean;
            TieBreak = tieBreak;
        }
    }

    public void SetRanking(AwardRanking ranking)
    {
        Rank = ranking.Rank;
        Tier = ranking.Tier;
        TiedAtBoundary = ranking.TiedAtBoundary;
    }

    /// <summary>The county admin overrides the tier (e.g. to settle a tie at a boundary) before publication, with a note.</summary>
    public Result Override(AwardRound round, Caller caller, AwardTier? tier, string? note)
    {
        if (!round.IsRunBy(caller))
        {
            return new ForbiddenError("只有本区县的县级管理员可以调整奖次。");
        }
        if (round.IsPublished)
        {
            return new ConflictError("评比结果已发布，不能再调整奖次。");
        }
        var trimmed = note?.Trim() ?? "";
        if (tier is not null && trimmed.Length == 0)
        {
            return ValidationError.For(nameof(OverrideNote), "调整奖次须注明理由");
        }
        if (trimmed.Length > MaxNoteLength)
        {
            return ValidationError.For(nameof(OverrideNote), $"理由不能超过 {MaxNoteLength} 个字");
        }
        OverrideTier = tier;
        OverrideNote = tier is null ? null : trimmed;
        return Result.Success;
    }

    private static bool IsWebAddress(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
