using EduPortal.Data;
using EduPortal.Data.Accounts;
using EduPortal.Data.Points;
using EduPortal.Domain.Points;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Points;

/// <summary>
/// The portal's own point events (sign-ins, profile completion, published lab records). Each is recorded
/// idempotently under the <c>portal</c> source and the teacher's year is recomputed at once, so the
/// teacher sees the point on 我的积分 straight away.
/// </summary>
public sealed class PointEventRecorder(IDbContextFactory<EduPortalDbContext> dbFactory, PointEventStore events, PointRecomputation recomputation, TimeProvider clock, ILogger<PointEventRecorder> logger)
{
    /// <summary>
    /// Records one portal event for a teacher. Other modules call this (lab records: type
    /// <see cref="PointTypes.LabRecordPublished"/>, external id <c>lab-{recordId}</c>). Accounts that are not
    /// at a school (bureau staff) and accounts that are not active (disabled, pending) earn no points
    /// (<see cref="AccountQueries.PointEarners"/>); the call is then a no-op. Never throws on a points failure:
    /// the user's own action must not fail because the index could not be updated.
    /// </summary>
    public async Task RecordAsync(string teacherId, string type, DateTimeOffset occurredAt, string externalId,
        int? quantity = null, int? secondaryQuantity = null, CancellationToken cancellationToken = default)
    {
        try
        {
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                if (!await db.Users.PointEarners().AnyAsync(u => u.Id == teacherId, cancellationToken))
                {
                    return;
                }
            }
            var outcome = (await events.RecordAsync(PointSources.Portal, [new IncomingPointEvent(teacherId, type, occurredAt, externalId, quantity, secondaryQuantity)], cancellationToken))[0];
            if (outcome.Status is PointRowStatus.Created or PointRowStatus.Updated)
            {
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                var year = (await PointRuleSets.ForDayAsync(db, PointEngine.ChinaDay(occurredAt), cancellationToken)).Year;
                await recomputation.RecomputeTeachersAsync(year, [teacherId], cancellationToken);
            }
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException)
        {
            logger.LogError(ex, "Could not record the {Type} point event {ExternalId} for {TeacherId}", type, externalId, teacherId);
        }
    }

    /// <summary>
    /// Takes back a portal event whose cause was undone (a lab record withdrawn or returned). Never throws on a
    /// points failure, like <see cref="RecordAsync"/>.
    /// </summary>
    public async Task RemoveAsync(string teacherId, string externalId, CancellationToken cancellationToken = default)
    {
        try
        {
            await events.RemoveAsync(PointSources.Portal, teacherId, externalId, cancellationToken);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException)
        {
            logger.LogError(ex, "Could not remove the point event {ExternalId} of {TeacherId}", externalId, teacherId);
        }
    }

    /// <summary>
    /// A successful sign-in: one login event per China day (circular 001 附件2 空间登录). A complete profile earns
    /// its 信息完善 points once in every points year (附件2: 20分/次;1次/每年), so the first sign-in of a new year
    /// records that year's profile event too, without the teacher having to edit anything.
    /// </summary>
    public async Task RecordSignInAsync(string userId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var day = PointEngine.ChinaDay(now);
        await RecordAsync(userId, PointTypes.Login, now, $"login-{userId}-{day:yyyyMMdd}", cancellationToken: cancellationToken);
        await RecordProfileCompletionAsync(userId, cancellationToken);
    }

    /// <summary>
    /// Once the four profile items are all there (<see cref="TeacherProfile.IsComplete"/>, circular 001 附件2 信息完善) —
    /// records the points year's profile-completion event: one idempotency key per teacher per points year
    /// (<c>profile-{user}-{year}</c>), so it scores once a year. Safe to call after every profile change and sign-in.
    /// </summary>
    public async Task RecordProfileCompletionAsync(string userId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        int year;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            year = (await PointRuleSets.ForDayAsync(db, PointEngine.ChinaDay(now), cancellationToken)).Year;
            var externalId = ProfileExternalId(userId, year);
            if (await db.PointEvents.AnyAsync(e => e.Source == PointSources.Portal && e.ExternalId == externalId, cancellationToken))
            {
                return; // this year's already recorded: nothing to do on every sign-in
            }
            var profile = await db.Users.AsNoTracking().Where(u => u.Id == userId)
                .Select(u => new TeacherProfile(u.AvatarFileKey, u.PhoneNumber ?? u.Email, u.OrgUnitId, u.SubjectsText)).SingleOrDefaultAsync(cancellationToken);
            if (profile is not { IsComplete: true })
            {
                return;
            }
        }
        await RecordAsync(userId, PointTypes.ProfileComplete, now, ProfileExternalId(userId, year), cancellationToken: cancellationToken);
    }

    public static string ProfileExternalId(string userId, int year) => $"profile-{userId}-{year}";
}
