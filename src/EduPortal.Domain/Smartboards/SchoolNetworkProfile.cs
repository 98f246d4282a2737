using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;

namespace EduPortal.Domain.Smartboards;

/// <summary>
/// A school's network access and tier: the bandwidth target of circular 002 (接入带宽不低于100M) and the access
/// targets of circular 004 三(一)1 (乡镇以上学校全部接入光纤，所有小学接入宽带) are checked against it.
/// Kept by the school admin; the county may correct it.
/// </summary>
public sealed class SchoolNetworkProfile : ISchoolScoped
{
    public const int MaxBandwidthMbps = 100_000;
    public const int MaxProviderLength = 40;

    private SchoolNetworkProfile()
    {
    }

    /// <summary>The school (one profile per school).</summary>
    public int SchoolId { get; private set; }
    public string SchoolPath { get; private set; } = "";
    public int CountyId { get; private set; }

    /// <summary>Contracted access bandwidth in Mbps; empty when not reported yet.</summary>
    public int? BandwidthMbps { get; private set; }
    public NetworkAccess Access { get; private set; }
    public SchoolTier Tier { get; private set; }

    /// <summary>The access provider (运营商), e.g. 中国电信.</summary>
    public string? Provider { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public string? UpdatedByName { get; private set; }

    public static SchoolNetworkProfile Create(int schoolId, string schoolPath, int countyId, SchoolTier tier, TimeProvider clock) => new()
    {
        SchoolId = schoolId,
        SchoolPath = schoolPath,
        CountyId = countyId,
        Tier = tier,
        Access = NetworkAccess.None,
        UpdatedAt = clock.GetUtcNow(),
    };

    /// <summary>The school's own admin and the admins above it may update it.</summary>
    public bool CanEdit(Caller caller) => caller.IsAdmin && caller.Covers(SchoolPath);

    public Result Update(Caller actor, int? bandwidthMbps, NetworkAccess access, SchoolTier tier, string? provider, TimeProvider clock)
    {
        if (!CanEdit(actor))
        {
            return new ForbiddenError("只有本校或上级管理员可以修改网络接入情况。");
        }
        var error = new ValidationBuilder()
            .Check(bandwidthMbps is null or >= 0, nameof(BandwidthMbps), "带宽不能为负数")
            .Check(bandwidthMbps is null or <= MaxBandwidthMbps, nameof(BandwidthMbps), "带宽超出合理范围")
            .Check(access != NetworkAccess.None || bandwidthMbps is null or 0, nameof(Access), "未接入网络的学校带宽应为空或 0")
            .Check(Enum.IsDefined(access), nameof(Access), "请选择接入方式")
            .Check(Enum.IsDefined(tier), nameof(Tier), "请选择学校类别")
            .Check((provider?.Trim().Length ?? 0) <= MaxProviderLength, nameof(Provider), $"运营商不能超过 {MaxProviderLength} 个字")
            .Build();
        if (error is not null)
        {
            return error;
        }
        BandwidthMbps = bandwidthMbps;
        Access = access;
        Tier = tier;
        Provider = string.IsNullOrWhiteSpace(provider) ? null : provider.Trim();
        UpdatedAt = clock.GetUtcNow();
        UpdatedByName = actor.RealName;
        return Result.Success;
    }
}
