using EduPortal.Domain.Bulletins;

namespace EduPortal.Web.Infrastructure.Bulletins;

/// <summary>
/// The shared contract through which a module contributes a section to the weekly bulletin (工作周通报). A module
/// implements one section in its feature folder and registers it in its module file with
/// <see cref="BulletinSectionRegistration.AddBulletinSection{TSection}"/>; the bulletin job takes
/// <c>IEnumerable&lt;IBulletinSection&gt;</c>, so adding a module never edits the job. Sections read the module's own
/// figures (its metric sources and services), never a second computation of them.
/// </summary>
public interface IBulletinSection
{
    /// <summary>Stable identifier, e.g. <c>surveys.registration</c>.</summary>
    string Key { get; }

    /// <summary>Chinese heading, e.g. 教师实名注册情况.</summary>
    string Title { get; }

    /// <summary>Position in the bulletin (ascending).</summary>
    int Order { get; }

    /// <summary>
    /// The section for <paramref name="scope"/>'s subtree (every query stays under <see cref="BulletinScope.UnitPath"/>) and
    /// the reported <paramref name="week"/>: figures as of the week's Sunday, activity within the week.
    /// </summary>
    Task<BulletinSectionData> BuildAsync(BulletinScope scope, BulletinWeek week, CancellationToken cancellationToken);
}
