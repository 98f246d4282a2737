using EduPortal.Data.Seeding;
using EduPortal.Domain.Accounts;
using EduPortal.Web.Features.CloudSpaces.Awards;
using EduPortal.Web.Tests.Infrastructure;

namespace EduPortal.Web.Tests.CloudSpaces;

public enum AwardTestPhase
{
    Nomination,
    Review,
    AfterReview,
}

/// <summary>Rounds of the demo county with dates moved around the portal's today, so any phase is open whatever the date.</summary>
internal static class AwardTestData
{
    private static int _year = 2080;

    /// <summary>A fresh round (its own year: one round per county and year) in the given phase.</summary>
    public static async Task<int> NewRoundAsync(this PortalFactory portal, AwardTestPhase phase)
    {
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var created = await portal.Service<AwardRoundService>().CreateAsync(county, Interlocked.Increment(ref _year));
        Assert.True(created.Succeeded, created.Error?.Message);
        await portal.MoveToAsync(created.Value, phase);
        return created.Value;
    }

    public static async Task MoveToAsync(this PortalFactory portal, int roundId, AwardTestPhase phase, int trimFromExperts = 5)
    {
        var county = await portal.CallerAsync(DemoAccounts.CountyAdmin);
        var t = portal.Today.ToDateTime(TimeOnly.MinValue);
        var offset = phase switch
        {
            AwardTestPhase.Nomination => 0,
            AwardTestPhase.Review => -2,
            _ => -5,
        };
        var nominationEnd = t.AddDays(offset + 1);
        var input = new AwardRoundInput
        {
            Title = "测试评比",
            NominationStart = t.AddDays(offset - 1),
            NominationEnd = nominationEnd,
            ReviewStart = t.AddDays(offset + 2),
            ReviewEnd = t.AddDays(offset + 4),
            CommendationStart = t.AddDays(offset + 5),
            CommendationEnd = t.AddDays(offset + 8),
            DeepFrom = nominationEnd,
            DeepTo = nominationEnd,
            CommentBelow = 60,
            TrimFromExperts = trimFromExperts,
            First = 1,
            Second = 1,
            Third = 1,
        };
        var updated = await portal.Service<AwardRoundService>().UpdateAsync(county, roundId, input);
        Assert.True(updated.Succeeded, updated.Error?.Message);
    }

    public static async Task<Caller> ExpertAsync(this PortalFactory portal) => await portal.CallerAsync(AwardDemoAccounts.Expert);
}
