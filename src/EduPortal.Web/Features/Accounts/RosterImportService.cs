using EduPortal.Data;
using EduPortal.Data.Accounts;
using EduPortal.Data.Auditing;
using EduPortal.Data.Jurisdiction;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Auditing;
using EduPortal.Domain.Common;
using EduPortal.Domain.Organization;
using EduPortal.Web.Infrastructure.Excel;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EduPortal.Web.Features.Accounts;

public sealed record RosterImportResult(int Imported, IReadOnlyList<RosterRow> Skipped, byte[] CredentialsWorkbook);

public enum RosterImportMode
{
    /// <summary>Import nothing if any row is invalid.</summary>
    AllOrNothing,
    /// <summary>Import the valid rows and report the others.</summary>
    ValidRowsOnly,
}

/// <summary>Bulk roster import (批量导入教师) from the downloadable Excel template.</summary>
public sealed class RosterImportService(IServiceScopeFactory scopeFactory, TimeProvider clock)
{
    /// <summary>Each new account costs a PBKDF2 hash (~40–90 ms a core): 1,000 rows take about half a minute on two cores.</summary>
    public const int MaxRows = 1000;
    public const long MaxFileBytes = 5 * 1024 * 1024;
    private static readonly string[] Headers = ["姓名", "手机号", "任教学科"];
    private static readonly ImportSheetLayout Layout = new(Headers, MaxRows, "文件中没有教师数据");

    public static byte[] BuildTemplate() =>
        ImportTemplate.Build("教师名单", Headers, c => c == 2 ? 24 : 16, ["张三", "13912345678", "物理、化学"],
        [
            "1. 每行一名教师；姓名、手机号、任教学科均为必填。第 2 行为示例，导入前请删除。",
            "2. 手机号为 11 位大陆手机号，一个手机号只能注册一个账号。",
            "3. 多门学科用顿号“、”分隔。可选学科：",
            .. Subjects.All,
        ]);

    /// <summary>Reads and checks every row; nothing is saved here.</summary>
    public async Task<Result<IReadOnlyList<RosterRow>>> ParseAsync(Stream content, CancellationToken cancellationToken = default)
    {
        var parsed = await ImportSheet.ReadAsync(content, null, Layout, cancellationToken);
        if (!parsed.Succeeded)
        {
            return parsed.Error!;
        }
        var raw = parsed.Value!.Select(r => new RosterEntry(r.Row, r.Cells[0], PhoneNumbers.Normalize(r.Cells[1]), r.Cells[2])).ToList();
        var phones = raw.Select(x => x.Phone).Where(PhoneNumbers.IsMainlandMobile).ToList();
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EduPortalDbContext>();
        var taken = (await db.Users.Where(u => phones.Contains(u.PhoneNumber!)).Select(u => u.PhoneNumber!).ToListAsync(cancellationToken)).ToHashSet();
        return Result<IReadOnlyList<RosterRow>>.Ok(RosterRules.CheckRows(raw, taken));
    }

    /// <summary>
    /// Creates active teacher accounts at the school with generated initial passwords. Rows are re-checked
    /// here, so a stale preview cannot slip an invalid row through; all rows are saved in one transaction.
    /// </summary>
    public async Task<Result<RosterImportResult>> ImportAsync(Caller caller, int schoolId, Stream content, RosterImportMode mode, CancellationToken cancellationToken = default)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EduPortalDbContext>();
        var school = await db.OrgUnits.WithinJurisdiction(caller).SingleOrDefaultAsync(o => o.Id == schoolId, cancellationToken);
        if (school is null)
        {
            return new NotFoundError();
        }
        if (school.Kind != OrgUnitKind.School)
        {
            return ValidationError.For("SchoolId", "请选择一所学校");
        }
        var allowed = RoleRules.CanAdministerSchool(caller.Position, school.Path);
        if (!allowed.Succeeded)
        {
            return allowed.Error!;
        }
        var parsed = await ParseAsync(content, cancellationToken);
        if (!parsed.Succeeded)
        {
            return parsed.Error!;
        }
        var rows = parsed.Value!;
        var invalid = rows.Where(r => !r.IsValid).ToList();
        if (mode == RosterImportMode.AllOrNothing && invalid.Count > 0)
        {
            return ValidationError.For("File", $"有 {invalid.Count} 行存在错误，未导入任何数据。请修改后重新上传，或选择“只导入正确的行”");
        }
        var valid = rows.Where(r => r.IsValid).ToList();
        if (valid.Count == 0)
        {
            return ValidationError.For("File", "没有可导入的正确行");
        }
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<ApplicationUser>>();
        var now = clock.GetUtcNow();
        var users = valid.Select(row => new ApplicationUser
        {
            UserName = row.Phone,
            NormalizedUserName = row.Phone.ToUpperInvariant(),
            PhoneNumber = row.Phone,
            RealName = row.RealName,
            OrgUnitId = school.Id,
            Level = AdminLevel.Teacher,
            Status = AccountStatus.Active,
            Employment = EmploymentStatus.Serving,
            SubjectsText = row.SubjectsText,
            RegisteredAt = now,
            ReviewedById = caller.UserId,
            ReviewedAt = now,
            LockoutEnabled = true,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            MustChangePassword = true,
        }).ToList();
        var passwords = users.Select(_ => TemporaryPasswords.Generate()).ToArray();
        // PBKDF2 costs ~40 ms a password: hash on every core, or a 2,000-row roster takes over a minute.
        // Off the circuit's thread, so the page keeps rendering its progress bar meanwhile.
        await Task.Run(() => Parallel.For(0, users.Count,
            new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
            i => users[i].PasswordHash = hasher.HashPassword(users[i], passwords[i])), cancellationToken);
        db.Users.AddRange(users);
        var credentials = users.Select((u, i) => (Name: u.RealName, Phone: u.PhoneNumber!, Password: passwords[i])).ToList();
        db.Audit(caller, clock, AuditActions.AccountImported, "OrgUnit", school.Path, school.Path,
            $"向{school.Name}批量导入 {valid.Count} 名教师" + (invalid.Count > 0 ? $"，跳过 {invalid.Count} 行错误数据" : ""),
            after: valid.Select(r => new { 行 = r.RowNumber, 姓名 = r.RealName, 手机号 = r.Phone, 学科 = r.SubjectsText }).ToList());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A phone in the file was registered by someone else between the check and the save.
            return ValidationError.For("File", "导入期间有手机号被其他账号注册，未导入任何数据。请重新上传以查看最新检查结果");
        }
        var workbook = ExcelExport.Build("初始密码", [
            new ExcelColumn<(string Name, string Phone, string Password)>("姓名", c => c.Name, 12),
            new("手机号（登录名）", c => c.Phone, 18),
            new("初始密码", c => c.Password, 16),
        ], credentials);
        return new RosterImportResult(valid.Count, invalid, workbook);
    }
}
