using EduPortal.Domain.Accounts;
using EduPortal.Domain.Feedback;
using EduPortal.Domain.Organization;

namespace EduPortal.Data.Jurisdiction;

/// <summary>Jurisdiction for users' feedback (意见建议), the same rules as <see cref="UserFeedback.PermissionsFor"/>.</summary>
public static class FeedbackJurisdiction
{
    /// <summary>What the caller sent itself.</summary>
    public static IQueryable<UserFeedback> SentBy(this IQueryable<UserFeedback> feedback, Caller caller) =>
        feedback.Where(f => f.SenderId == caller.UserId);

    /// <summary>
    /// The feedback a bureau editor handles: a county's editors their county's, the city's editors everyone's; nothing for
    /// anyone else (an admin without the editor capability included).
    /// </summary>
    public static IQueryable<UserFeedback> ForEditor(this IQueryable<UserFeedback> feedback, Caller caller)
    {
        if (!caller.Has(Capability.BureauEditor) || !caller.IsAdmin || caller.OrgKind is not (OrgUnitKind.City or OrgUnitKind.County))
        {
            return feedback.Where(_ => false);
        }
        var path = caller.OrgPath;
        return caller.OrgKind == OrgUnitKind.City ? feedback.Where(f => f.BureauPath.StartsWith(path)) : feedback.Where(f => f.BureauPath == path);
    }

    /// <summary>What the caller may open: its own, and what it handles as an editor.</summary>
    public static IQueryable<UserFeedback> VisibleTo(this IQueryable<UserFeedback> feedback, Caller caller)
    {
        var me = caller.UserId;
        var path = caller.OrgPath;
        if (!caller.Has(Capability.BureauEditor) || !caller.IsAdmin || caller.OrgKind is not (OrgUnitKind.City or OrgUnitKind.County))
        {
            return feedback.Where(f => f.SenderId == me);
        }
        return caller.OrgKind == OrgUnitKind.City
            ? feedback.Where(f => f.SenderId == me || f.BureauPath.StartsWith(path))
            : feedback.Where(f => f.SenderId == me || f.BureauPath == path);
    }
}
