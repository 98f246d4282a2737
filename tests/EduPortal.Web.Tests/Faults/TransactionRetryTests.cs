using System.Data.Common;
using System.Globalization;
using EduPortal.Data;
using EduPortal.Data.Auditing;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Smartboards;
using EduPortal.Web.Features.Smartboards;
using EduPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace EduPortal.Web.Tests.Faults;

/// <summary>
/// PostgreSQL and SQL Server retry a transaction that failed transiently by running the whole unit again
/// (<see cref="Transactions.InTransactionAsync{T}"/>). Here SQLite gets a retrying strategy and the first commit fails,
/// so every unit runs twice: the second run must save each row once, with its audit entry, and lose nothing.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class TransactionRetryTests(PortalFactory portal)
{
    private static string Tag() => "RTY-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    [Fact]
    public async Task A_ledger_import_whose_first_commit_fails_is_retried_and_saves_each_device_and_its_audit_entry_once()
    {
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var failing = await FailingFirstCommitFactory.CreateAsync(portal);
        string room;
        await using (var first = await portal.DbAsync())
        {
            room = await first.Classrooms.Where(c => c.SchoolId == admin.OrgUnitId).OrderBy(c => c.Id).Select(c => c.Name).FirstAsync();
        }
        var tags = new[] { Tag(), Tag() };
        var audits = await AuditCountAsync(AuditActions.SmartboardDevicesImported);
        var file = ImportFiles.FromTemplate(SmartboardLedgerService.BuildTemplate(),
            [tags[0], "交互式一体机", "希沃", "MC86", "S1", "薄改", "2024-08-01", "14500", "2024-08-20", "2027-08-01", "在用", room, ""],
            [tags[1], "投影仪", "爱普生", "", "", "自筹", "2020/3/5", "", "", "", "闲置", "", ""]);

        var result = await new SmartboardLedgerService(failing, portal.Clock).ImportAsync(admin, admin.OrgUnitId, file);

        Assert.Equal(2, failing.Commits);
        Assert.True(result.Succeeded, result.Error?.Message);
        await using var db = await portal.DbAsync();
        var devices = await db.Devices.Include(d => d.Events).Where(d => tags.Contains(d.AssetTag)).ToListAsync();
        Assert.Equal(tags.Order(), devices.Select(d => d.AssetTag).Order());
        Assert.All(devices, d => Assert.Single(d.Events));
        Assert.Equal(2, result.Value!.Imported);
        Assert.Equal(audits + 1, await AuditCountAsync(AuditActions.SmartboardDevicesImported));
    }

    [Fact]
    public async Task A_use_record_import_whose_first_commit_fails_is_retried_and_saves_each_lesson_once()
    {
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var failing = await FailingFirstCommitFactory.CreateAsync(portal);
        string room, teacher;
        int before;
        await using (var db = await portal.DbAsync())
        {
            room = await db.Classrooms.Where(c => c.SchoolId == admin.OrgUnitId).OrderBy(c => c.Id).Select(c => c.Name).FirstAsync();
            teacher = await db.Users.Where(u => u.UserName == DemoAccounts.Teacher).Select(u => u.RealName).SingleAsync();
            before = await db.SmartboardLessons.CountAsync();
        }
        var audits = await AuditCountAsync(AuditActions.SmartboardLessonsImported);
        var day = portal.Today.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var file = ImportFiles.FromTemplate(SmartboardUseImportService.BuildTemplate(), [day, room, "数学", "2", teacher], [day, room, "语文", "1", teacher]);

        var result = await new SmartboardUseImportService(failing, portal.Clock).ImportAsync(admin, file);

        Assert.Equal(2, failing.Commits);
        Assert.Equal(2, result.Value!.Imported);
        await using var after = await portal.DbAsync();
        Assert.Equal(before + 2, await after.SmartboardLessons.CountAsync());
        Assert.Equal(audits + 1, await AuditCountAsync(AuditActions.SmartboardLessonsImported));
    }

    [Fact]
    public async Task An_audited_save_whose_first_commit_fails_keeps_the_added_row_and_the_update_and_audits_the_final_id()
    {
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var school = await portal.DemoSchoolAsync();
        var failing = await FailingFirstCommitFactory.CreateAsync(portal);
        await using var db = failing.CreateDbContext();
        var existing = await db.Classrooms.Where(c => c.SchoolId == school.Id && c.Kind != ClassroomKind.Ordinary).OrderBy(c => c.Id).FirstAsync();
        var notes = "重试后仍保存 " + Guid.NewGuid().ToString("N")[..6];
        Assert.True(existing.Update(admin, existing.Name, existing.Kind, null, existing.ResponsibleUserId, existing.ResponsibleName, notes, portal.Clock).Succeeded);
        var added = Classroom.Create(admin, school, existing.CountyId, "重试新增室" + Guid.NewGuid().ToString("N")[..6], ClassroomKind.Laboratory, null,
            null, null, null, portal.Clock).Value!;
        db.Classrooms.Add(added);
        var audited = new List<string>();

        var error = await db.SaveThenAuditAsync(() =>
        {
            audited.Add(added.Id.ToString(CultureInfo.InvariantCulture));
            db.Audit(admin, portal.Clock, "retry.test", "Classroom", added.Id.ToString(CultureInfo.InvariantCulture), school.Path, "重试测试");
        }, CancellationToken.None);

        Assert.Null(error);
        Assert.Equal(2, failing.Commits);
        await using var check = await portal.DbAsync();
        var saved = Assert.Single(await check.Classrooms.Where(c => c.SchoolId == school.Id && c.Name == added.Name).ToListAsync());
        Assert.Equal(saved.Id, added.Id);
        Assert.Equal(notes, await check.Classrooms.Where(c => c.Id == existing.Id).Select(c => c.Notes).SingleAsync());
        var entry = Assert.Single(await check.AuditEntries.Where(a => a.Action == "retry.test" && a.EntityId == saved.Id.ToString(CultureInfo.InvariantCulture)).ToListAsync());
        Assert.Equal(saved.Id.ToString(CultureInfo.InvariantCulture), audited[^1]);
        Assert.Equal("重试测试", entry.Summary);
    }

    [Fact]
    public async Task An_audited_add_inside_the_callers_transaction_is_retried_with_it_and_saves_the_row_and_its_audit_entry_once()
    {
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var school = await portal.DemoSchoolAsync();
        var failing = await FailingFirstCommitFactory.CreateAsync(portal);
        await using var db = failing.CreateDbContext();
        var countyId = await db.Classrooms.Where(c => c.SchoolId == school.Id).Select(c => c.CountyId).FirstAsync();
        var name = "事务内新增室" + Guid.NewGuid().ToString("N")[..6];
        var counted = new List<int>();

        // The caller's own transaction holds a check (here a count) and the audited add together.
        var added = await db.InTransactionAsync(async ct =>
        {
            counted.Add(await db.Classrooms.CountAsync(c => c.SchoolId == school.Id, ct));
            return await db.AddAuditedInTransactionAsync(Classroom.Create(admin, school, countyId, name, ClassroomKind.Laboratory, null, null, null, null, portal.Clock),
                room => db.Audit(admin, portal.Clock, "retry.inner", "Classroom", room.Id.ToString(CultureInfo.InvariantCulture), school.Path, name), ct);
        }, CancellationToken.None, r => r.Succeeded);

        Assert.True(added.Succeeded, added.Error?.Message);
        Assert.Equal(2, failing.Commits);
        Assert.Equal(2, counted.Count);
        await using var check = await portal.DbAsync();
        var saved = Assert.Single(await check.Classrooms.Where(c => c.SchoolId == school.Id && c.Name == name).ToListAsync());
        Assert.Equal(saved.Id, added.Value!.Id);
        var entry = Assert.Single(await check.AuditEntries.Where(a => a.Action == "retry.inner" && a.Summary == name).ToListAsync());
        Assert.Equal(saved.Id.ToString(CultureInfo.InvariantCulture), entry.EntityId);
    }

    [Fact]
    public async Task An_audited_add_in_a_transaction_the_caller_does_not_commit_leaves_neither_the_row_nor_its_audit_entry()
    {
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var school = await portal.DemoSchoolAsync();
        await using var db = await portal.DbAsync();
        var countyId = await db.Classrooms.Where(c => c.SchoolId == school.Id).Select(c => c.CountyId).FirstAsync();
        var name = "未提交新增室" + Guid.NewGuid().ToString("N")[..6];

        var added = await db.InTransactionAsync(ct => db.AddAuditedInTransactionAsync(
                Classroom.Create(admin, school, countyId, name, ClassroomKind.Laboratory, null, null, null, null, portal.Clock),
                room => db.Audit(admin, portal.Clock, "rollback.inner", "Classroom", room.Id.ToString(CultureInfo.InvariantCulture), school.Path, name), ct),
            CancellationToken.None, commitWhen: _ => false);

        Assert.True(added.Succeeded);
        await using var check = await portal.DbAsync();
        Assert.False(await check.Classrooms.AnyAsync(c => c.Name == name));
        Assert.False(await check.AuditEntries.AnyAsync(a => a.Action == "rollback.inner" && a.Summary == name));
    }

    [Fact]
    public async Task An_audited_add_meant_for_the_callers_transaction_refuses_to_run_outside_one()
    {
        var admin = await portal.CallerAsync(DemoAccounts.SchoolAdmin);
        var school = await portal.DemoSchoolAsync();
        await using var db = await portal.DbAsync();
        var countyId = await db.Classrooms.Where(c => c.SchoolId == school.Id).Select(c => c.CountyId).FirstAsync();
        var name = "无事务新增室" + Guid.NewGuid().ToString("N")[..6];

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.AddAuditedInTransactionAsync(
            Classroom.Create(admin, school, countyId, name, ClassroomKind.Laboratory, null, null, null, null, portal.Clock),
            room => db.Audit(admin, portal.Clock, "outside.inner", "Classroom", room.Id.ToString(CultureInfo.InvariantCulture), school.Path, name),
            CancellationToken.None));
        await using var check = await portal.DbAsync();
        Assert.False(await check.Classrooms.AnyAsync(c => c.Name == name));
    }

    private async Task<int> AuditCountAsync(string action)
    {
        await using var db = await portal.DbAsync();
        return await db.AuditEntries.CountAsync(a => a.Action == action);
    }

    /// <summary>The portal's database with a retrying strategy whose first commit fails transiently (before committing).</summary>
    private sealed class FailingFirstCommitFactory(DbContextOptions<EduPortalDbContext> options, FailFirstCommit interceptor) : IDbContextFactory<EduPortalDbContext>
    {
        public int Commits => interceptor.Commits;

        public static async Task<FailingFirstCommitFactory> CreateAsync(PortalFactory portal)
        {
            string connectionString;
            await using (var db = await portal.DbAsync())
            {
                connectionString = db.Database.GetConnectionString()!;
            }
            var interceptor = new FailFirstCommit();
            var options = new DbContextOptionsBuilder<EduPortalDbContext>()
                .UseSqlite(connectionString, x => x.MigrationsAssembly(DatabaseSetup.SqliteMigrationsAssembly).ExecutionStrategy(d => new RetryOnTransient(d)))
                .AddInterceptors(Data.LabRecords.LabTallyInterceptor.Instance, interceptor).Options;
            return new FailingFirstCommitFactory(options, interceptor);
        }

        public EduPortalDbContext CreateDbContext() => new(options);
    }

    private sealed class TransientFailure() : Exception("transient commit failure (test)");

    private sealed class RetryOnTransient(ExecutionStrategyDependencies dependencies) : ExecutionStrategy(dependencies, 3, TimeSpan.Zero)
    {
        protected override bool ShouldRetryOn(Exception exception) => exception is TransientFailure;
    }

    private sealed class FailFirstCommit : DbTransactionInterceptor
    {
        public int Commits;

        public override ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result,
            CancellationToken cancellationToken = default) =>
            Interlocked.Increment(ref Commits) == 1 ? throw new TransientFailure() : ValueTask.FromResult(result);
    }
}
