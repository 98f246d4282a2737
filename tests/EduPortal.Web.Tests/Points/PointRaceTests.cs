using System.Collections.Concurrent;
using EduPortal.Data;
using EduPortal.Data.Points;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Points;
using EduPortal.Web.Features.Points;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EduPortal.Web.Tests.Points;

/// <summary>
/// Idempotent point-event inserts under concurrency: a (source, external id) another request stores at the same
/// moment is "already recorded", never a unique-constraint error (issue 16, the sign-in race).
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class PointRaceTests(PortalFactory portal)
{
    [Fact]
    public async Task Thirty_two_simultaneous_sign_ins_of_one_account_record_one_login_with_its_award_and_no_database_error()
    {
        var day = PointEngine.ChinaDay(portal.Now);
        string teacherId;
        await using (var db = await portal.DbAsync())
        {
            var school = await portal.DemoSchoolAsync();
            var candidates = await db.Users.Where(u => u.OrgUnitId == school.Id && u.Level == AdminLevel.Teacher
                    && u.Status == AccountStatus.Active && u.Employment == EmploymentStatus.Serving)
                .OrderBy(u => u.Id).Select(u => u.Id).ToListAsync();
            var signedInToday = await db.PointEvents.Where(e => e.Source == PointSources.Portal && e.Type == PointTypes.Login && e.Day == day)
                .Select(e => e.TeacherId).ToListAsync();
            teacherId = candidates.Except(signedInToday).Last();
        }
        var errors = new ConcurrentQueue<string>();
        var (recorder, _) = Build(errors);

        await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(() => recorder.RecordSignInAsync(teacherId))));

        Assert.Empty(errors);
        await using var check = await portal.DbAsync();
        var login = await check.PointEvents.SingleAsync(e => e.Source == PointSources.Portal && e.ExternalId == $"login-{teacherId}-{day:yyyyMMdd}");
        Assert.True(await check.PointAwards.AnyAsync(a => a.EventId == login.Id), "the one login recorded is awarded at once");
    }

    [Fact]
    public async Task Concurrent_batches_sharing_external_ids_create_each_event_once_and_report_the_rest_as_already_recorded()
    {
        string[] teachers;
        await using (var db = await portal.DbAsync())
        {
            var school = await portal.DemoSchoolAsync();
            teachers = await db.Users.Where(u => u.OrgUnitId == school.Id && u.Level == AdminLevel.Teacher && u.Status == AccountStatus.Active)
                .OrderBy(u => u.Id).Select(u => u.Id).Take(5).ToArrayAsync();
        }
        var errors = new ConcurrentQueue<string>();
        var (_, store) = Build(errors);
        var prefix = "race-" + Guid.NewGuid().ToString("N")[..8];
        var occurred = portal.Now.AddHours(-2);
        var rows = Enumerable.Range(0, 40)
            .Select(i => new IncomingPointEvent(teachers[i % teachers.Length], "race-test", occurred.AddMinutes(-i), $"{prefix}-{i}", null, null))
            .ToList();

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => store.RecordAsync("race-test", rows))));

        Assert.Empty(errors);
        await using var check = await portal.DbAsync();
        var stored = await check.PointEvents.Where(e => e.Source == "race-test" && e.ExternalId.StartsWith(prefix)).ToDictionaryAsync(e => e.ExternalId, e => e.Id);
        Assert.Equal(40, stored.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var outcomes = results.Select(r => r[i]).ToList();
            Assert.Single(outcomes, o => o.Status == PointRowStatus.Created);
            Assert.All(outcomes, o => Assert.Contains(o.Status, new[] { PointRowStatus.Created, PointRowStatus.Duplicate }));
            Assert.All(outcomes, o => Assert.Equal(stored[rows[i].ExternalId], o.EventId));
        }
        // An unknown type scores nothing; the rows go so no other test counts them.
        await check.PointEvents.Where(e => e.Source == "race-test" && e.ExternalId.StartsWith(prefix)).ExecuteDeleteAsync();
    }

    /// <summary>The points services on their own context factory whose log records every error, the database's included.</summary>
    private (PointEventRecorder Recorder, PointEventStore Store) Build(ConcurrentQueue<string> errors)
    {
        string connectionString;
        using (var db = portal.DbAsync().GetAwaiter().GetResult())
        {
            connectionString = db.Database.GetConnectionString()!;
        }
        var logging = LoggerFactory.Create(b => b.AddProvider(new ErrorSink(errors)).SetMinimumLevel(LogLevel.Warning));
        var builder = new DbContextOptionsBuilder<EduPortalDbContext>();
        builder.UseEduPortalDatabase(DatabaseProvider.Sqlite, connectionString).UseLoggerFactory(logging);
        var options = builder.Options;
        var factory = new Factory(options);
        var recomputation = new PointRecomputation(factory);
        var store = new PointEventStore(factory, recomputation, portal.Clock);
        var recorder = new PointEventRecorder(factory, store, recomputation, portal.Clock, logging.CreateLogger<PointEventRecorder>());
        return (recorder, store);
    }

    private sealed class Factory(DbContextOptions<EduPortalDbContext> options) : IDbContextFactory<EduPortalDbContext>
    {
        public EduPortalDbContext CreateDbContext() => new(options);
    }

    private sealed class ErrorSink(ConcurrentQueue<string> errors) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, errors);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> errors) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (logLevel >= LogLevel.Error)
                {
                    errors.Enqueue($"{category}: {formatter(state, exception)} {exception?.Message}");
                }
            }
        }
    }
}
