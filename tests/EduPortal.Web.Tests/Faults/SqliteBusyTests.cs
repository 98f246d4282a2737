using System.Diagnostics;
using EduPortal.Domain.Accounts;
using EduPortal.Web.Features.Accounts;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Tests.Faults;

/// <summary>SQLite allows one writer at a time: the others wait for the lock and succeed, none sees an error.</summary>
[Collection(FaultsCollection.Name)]
public sealed class SqliteBusyTests(DiskFullPortalFactory portal)
{
    [Fact]
    public async Task Writers_blocked_by_another_connections_write_lock_wait_for_it_and_all_succeed()
    {
        string connectionString;
        List<string> teachers;
        long lastAuditBefore;
        await using (var db = await portal.DbAsync())
        {
            connectionString = db.Database.GetConnectionString()!;
            teachers = await db.Users.Where(u => u.Level == AdminLevel.Teacher && u.Status == AccountStatus.Active && u.PhoneNumber != null)
                .OrderBy(u => u.Id).Select(u => u.UserName!).Take(8).ToListAsync();
            lastAuditBefore = await db.AuditEntries.MaxAsync(e => (long?)e.Id) ?? 0;
        }
        Assert.Equal(8, teachers.Count);
        var callers = await Task.WhenAll(teachers.Select(portal.CallerAsync));
        var inputs = new List<ProfileInput>();
        foreach (var caller in callers)
        {
            var profile = (await portal.Service<ProfileService>().GetAsync(caller))!;
            inputs.Add(new ProfileInput { RealName = profile.RealName, Phone = profile.Phone!, Subjects = ["物理"] });
        }

        // Another connection takes the database's write lock (an import, a job) and holds it for a while.
        await using var blocker = new SqliteConnection(connectionString);
        await blocker.OpenAsync();
        await using (var begin = blocker.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            await begin.ExecuteNonQueryAsync();
        }
        var clock = Stopwatch.StartNew();
        var saves = callers.Select((caller, i) => Task.Run(() => portal.Service<ProfileService>().UpdateAsync(caller, inputs[i]))).ToList();
        await Task.Delay(1500);
        Assert.All(saves, save => Assert.False(save.IsCompleted));
        await using (var commit = blocker.CreateCommand())
        {
            commit.CommandText = "COMMIT";
            await commit.ExecuteNonQueryAsync();
        }

        var results = await Task.WhenAll(saves);
        Assert.All(results, result => Assert.True(result.Succeeded));
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.4));
        await using var check = await portal.DbAsync();
        // Background jobs of the shared portal (bulletins, exports) may audit meanwhile: count the teachers' own entries.
        var actors = callers.Select(c => c.UserId).ToList();
        Assert.Equal(8, await check.AuditEntries.CountAsync(e => e.Id > lastAuditBefore && actors.Contains(e.ActorId)));
        Assert.Equal(8, await check.Users.CountAsync(u => teachers.Contains(u.UserName!) && u.SubjectsText == "物理"));
    }
}
