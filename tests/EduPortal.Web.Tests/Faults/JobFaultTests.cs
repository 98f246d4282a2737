using EduPortal.Domain.LabRecords;
using EduPortal.Web.Features.LabRecords;
using Hangfire;
using Hangfire.States;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EduPortal.Web.Tests.Faults;

/// <summary>
/// A background job that throws part-way is retried by Hangfire, then left visible as failed, and never leaves half
/// of its work behind. The fault is real: a trigger makes the database refuse the job's fourth insert, after the job
/// has deleted the week's old flags and written three new ones inside its transaction.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class JobFaultTests(DiskFullPortalFactory portal)
{
    private const string Trigger = "test_fault_lab_inactivity_flags";

    [Fact]
    public async Task A_job_failing_midway_is_retried_then_marked_failed_and_leaves_the_previous_flags_untouched()
    {
        var monday = Weeks.MondayOf(portal.Today);
        int flagged;
        using (var scope = portal.Services.CreateScope())
        {
            flagged = await scope.ServiceProvider.GetRequiredService<LabInactivityJob>().RunAsync();
        }
        Assert.True(flagged > 3, "the fault needs more than three inactive schools");
        var before = await FlagIdsAsync(monday);

        await using (var db = await portal.DbAsync())
        {
            await db.Database.ExecuteSqlRawAsync($"""
                CREATE TRIGGER {Trigger} BEFORE INSERT ON LabInactivityFlags
                WHEN (SELECT COUNT(*) FROM LabInactivityFlags WHERE WeekStart = NEW.WeekStart) >= 3
                BEGIN SELECT RAISE(ABORT, 'injected fault: disk I/O error'); END;
                """);
        }
        try
        {
            var jobs = portal.Services.GetRequiredService<IBackgroundJobClient>();
            var jobId = jobs.Enqueue<LabInactivityJob>(job => job.RunAsync(CancellationToken.None));

            // Attempts = 2: the first run and two retries fail, each leaving the week's flags as they were.
            for (var attempt = 1; attempt <= 2; attempt++)
            {
                var scheduled = await WaitForStateAsync(jobId, ScheduledState.StateName);
                Assert.StartsWith($"Retry attempt {attempt} of 2", scheduled.Reason);
                Assert.Equal(attempt.ToString(System.Globalization.CultureInfo.InvariantCulture), JobParameter(jobId, "RetryCount"));
                Assert.Equal(before, await FlagIdsAsync(monday));
                // The retry is due later (seconds to minutes); run it now.
                Assert.True(jobs.Requeue(jobId));
            }
            var failed = await WaitForStateAsync(jobId, FailedState.StateName);
            Assert.Contains("injected fault", failed.Data["ExceptionDetails"]);
            Assert.Equal(before, await FlagIdsAsync(monday));

            // Once the fault is gone, re-running the failed job from the dashboard replaces the week's flags in full.
            await using (var db = await portal.DbAsync())
            {
                await db.Database.ExecuteSqlRawAsync($"DROP TRIGGER {Trigger}");
            }
            Assert.True(jobs.Requeue(jobId));
            await WaitForStateAsync(jobId, SucceededState.StateName);
            var after = await FlagIdsAsync(monday);
            Assert.Equal(before.Count, after.Count);
            Assert.Empty(after.Intersect(before));
        }
        finally
        {
            await using var db = await portal.DbAsync();
            await db.Database.ExecuteSqlRawAsync($"DROP TRIGGER IF EXISTS {Trigger}");
        }
    }

    private async Task<List<long>> FlagIdsAsync(DateOnly monday)
    {
        await using var db = await portal.DbAsync();
        return await db.LabInactivityFlags.Where(f => f.WeekStart == monday).OrderBy(f => f.Id).Select(f => (long)f.Id).ToListAsync();
    }

    private string? JobParameter(string jobId, string name)
    {
        using var connection = portal.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetJobParameter(jobId, name);
    }

    /// <summary>Polls Hangfire's storage until the job reaches the state (the test portal runs a Hangfire server).</summary>
    private async Task<StateData> WaitForStateAsync(string jobId, string state)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using (var connection = portal.Services.GetRequiredService<JobStorage>().GetConnection())
            {
                var data = connection.GetStateData(jobId);
                if (data?.Name == state)
                {
                    return data;
                }
                if (DateTime.UtcNow > deadline)
                {
                    Assert.Fail($"job {jobId} is {data?.Name ?? "unknown"}, expected {state}");
                }
            }
            await Task.Delay(100);
        }
    }
}
