using EduPortal.Data;
using EduPortal.Data.Accounts;
using EduPortal.Data.LabRecords;
using EduPortal.Data.Seeding;
using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Domain.LabRecords;
using EduPortal.Domain.Organization;
using EduPortal.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace EduPortal.Web.Features.LabRecords;

/// <summary>
/// A term of lab records for the demo city: most lab teachers record a lesson every week or two, a few schools
/// have gone quiet, and a handful of records are reported, approved or returned. Photos are drawn here (no
/// downloads) and shared by the demo records; deleting a record removes only files nobody else uses.
/// </summary>
public sealed class LabDemoSeeder(EduPortalDbContext db, LocalFileStore store, TimeProvider clock)
{
    private const int ImagePool = 12;
    private readonly Random _random = new(20261124);

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.LabRecords.AnyAsync(cancellationToken))
        {
            return;
        }
        await LabCatalogueSeeder.SeedDefaultAsync(db, cancellationToken);
        var images = await DrawImagesAsync(cancellationToken);
        var today = ChinaTime.Today(clock);
        var term = SchoolTerm.Containing(today);
        var termStart = term.Start.AddDays(31) > today ? today.AddDays(-84) : term.Start.AddDays(31); // lessons start in September

        var schools = await db.OrgUnits.AsNoTracking().Where(o => o.Kind == OrgUnitKind.School)
            .Select(o => new { o.Id, o.Name, o.Path }).OrderBy(o => o.Path).ToListAsync(cancellationToken);
        var counties = await db.OrgUnits.AsNoTracking().Where(o => o.Kind == OrgUnitKind.County).Select(o => new { o.Id, o.Path }).ToListAsync(cancellationToken);
        var classes = (await db.SchoolClasses.AsNoTracking().Select(c => new { c.Id, c.SchoolId, c.Grade, c.Number }).ToListAsync(cancellationToken))
            .GroupBy(c => c.SchoolId).ToDictionary(g => g.Key, g => g.ToList());
        var users = await db.Users.AsNoTracking()
            .ActiveServing()
            .Select(u => new { u.Id, u.RealName, u.Level, u.OrgUnitId, u.SubjectsText, u.UserName }).ToListAsync(cancellationToken);
        var catalogue = await db.LabExperiments.AsNoTracking().Where(e => e.Active).ToListAsync(cancellationToken);
        var countyAdmins = users.Where(u => u.Level == AdminLevel.County).GroupBy(u => u.OrgUnitId).ToDictionary(g => g.Key, g => g.First());

        var records = new List<LabRecord>();
        for (var s = 0; s < schools.Count; s++)
        {
            var school = schools[s];
            var county = counties.FirstOrDefault(c => school.Path.StartsWith(c.Path, StringComparison.Ordinal));
            if (county is null || !classes.TryGetValue(school.Id, out var schoolClasses))
            {
                continue;
            }
            // Every seventh school has gone quiet for a month, to show the inactivity highlight.
            var quietSince = s % 7 == 3 ? today.AddDays(-30) : today;
            var staff = users.Where(u => u.OrgUnitId == school.Id).ToList();
            var admin = staff.FirstOrDefault(u => u.Level == AdminLevel.School);
            foreach (var teacher in staff.Where(u => u.Level == AdminLevel.Teacher))
            {
                var subjects = Subjects.Parse(teacher.SubjectsText).Known.Select(LabSubjects.FromName).OfType<LabSubject>()
                    .Where(subject => catalogue.Any(e => e.Subject == subject)).ToList();
                if (subjects.Count == 0 || _random.NextDouble() < 0.15)
                {
                    continue;
                }
                var caller = new Caller(teacher.Id, teacher.RealName, AdminLevel.Teacher, school.Id, school.Name, school.Path, OrgUnitKind.School, Capability.None);
                for (var day = termStart.AddDays(_random.Next(0, 10)); day < quietSince; day = day.AddDays(_random.Next(6, 16)))
                {
                    var subject = subjects[_random.Next(subjects.Count)];
                    var fitting = schoolClasses.Where(c => subject.IsTaughtIn(c.Grade)).ToList();
                    if (fitting.Count == 0)
                    {
                        break;
                    }
                    var schoolClass = fitting[_random.Next(fitting.Count)];
                    var experiments = catalogue.Where(e => e.Subject == subject && e.Grade == schoolClass.Grade).ToList();
                    if (experiments.Count == 0)
                    {
                        continue;
                    }
                    var lessonDay = day.DayOfWeek switch { DayOfWeek.Saturday => day.AddDays(2), DayOfWeek.Sunday => day.AddDays(1), _ => day };
                    if (lessonDay >= quietSince || lessonDay > today)
                    {
                        break;
                    }
                    var experiment = experiments[_random.Next(experiments.Count)];
                    var at = new FixedClock(new DateTimeOffset(lessonDay.ToDateTime(new TimeOnly(16, 30)), TimeSpan.FromHours(8)).AddMinutes(_random.Next(0, 240)));
                    var record = LabRecord.StartDraft(caller, county.Id, false, at).Value!;
                    record.UpdateDetails(caller, new LabRecordDetails(subject, experiment.Kind, experiment.Id, experiment.Name, schoolClass.Id,
                        SchoolClass.FormatName(schoolClass.Grade, schoolClass.Number), schoolClass.Grade, lessonDay, _random.Next(1, 8), null), at);
                    var photoCount = 3 + _random.Next(0, 3);
                    for (var p = 0; p < photoCount; p++)
                    {
                        var image = images[_random.Next(images.Count)];
                        record.AttachMedia(caller, LabMediaSlots.Photos[p], image.Key, image.ThumbnailKey, "image/jpeg", image.Length, null, at);
                    }
                    record.Publish(caller, at);
                    records.Add(record);
                    var roll = _random.NextDouble();
                    if (roll < 0.03 && admin is not null && staff.Count > 2)
                    {
                        // Reported by a colleague; some of those already decided by the school admin or the county.
                        var reporter = staff.First(u => u.Id != teacher.Id && u.Id != admin.Id);
                        var reporterCaller = caller with { UserId = reporter.Id, RealName = reporter.RealName };
                        var later = new FixedClock(at.GetUtcNow().AddHours(20));
                        record.Report(reporterCaller, _random.Next(3) switch { 0 => "照片与实验内容不符", 1 => "照片模糊，看不清实验过程", _ => "疑似重复上传" }, later);
                        var decision = _random.NextDouble();
                        var adminCaller = new Caller(admin.Id, admin.RealName, AdminLevel.School, school.Id, school.Name, school.Path, OrgUnitKind.School, Capability.None);
                        var decidedAt = new FixedClock(later.GetUtcNow().AddHours(26));
                        if (decision < 0.4)
                        {
                            record.Approve(adminCaller, "已核实，照片为本节实验课现场", decidedAt);
                        }
                        else if (decision < 0.7 && countyAdmins.TryGetValue(county.Id, out var countyAdmin))
                        {
                            var countyCaller = new Caller(countyAdmin.Id, countyAdmin.RealName, AdminLevel.County, county.Id, "", county.Path, OrgUnitKind.County, Capability.None);
                            record.Return(countyCaller, "照片未体现学生分组实验过程，请重新拍摄记录", decidedAt);
                        }
                    }
                }
            }
        }
        db.LabRecords.AddRange(records);
        // The term's records at once, their statistics' roll-ups counted after them (not record by record).
        await LabTallies.SaveBulkAsync(db, cancellationToken);
    }

    private sealed record DemoImage(string Key, string? ThumbnailKey, long Length);

    /// <summary>Draws a pool of classroom "photos": benches, students and glassware in varied colours and layouts.</summary>
    private async Task<List<DemoImage>> DrawImagesAsync(CancellationToken cancellationToken)
    {
        var images = new List<DemoImage>();
        for (var i = 0; i < ImagePool; i++)
        {
            using var bitmap = new SKBitmap(960, 720);
            using (var canvas = new SKCanvas(bitmap))
            {
                DrawClassroom(canvas, bitmap.Width, bitmap.Height, i);
            }
            using var image = SKImage.FromBitmap(bitmap);
            using var data = image.Encode(SKEncodedImageFormat.Jpeg, 80);
            using var content = new MemoryStream(data.ToArray());
            var key = await store.SaveAsync("lab-photos", "jpg", content, cancellationToken);
            using var thumb = new MemoryStream(UploadPipeline.MakeThumbnail(bitmap));
            var thumbKey = await store.SaveSiblingAsync(key, "-thumb", thumb, cancellationToken);
            images.Add(new DemoImage(key, thumbKey, data.Size));
        }
        return images;
    }

    private void DrawClassroom(SKCanvas canvas, int width, int height, int variant)
    {
        var wall = SKColor.FromHsl(30 + variant * 17 % 200, 25, 85);
        canvas.Clear(wall);
        using var paint = new SKPaint { IsAntialias = true };
        // Floor and blackboard (front view) or windows (back view).
        paint.Color = SKColor.FromHsl(25, 30, 55);
        canvas.DrawRect(0, height * 0.62f, width, height * 0.38f, paint);
        paint.Color = variant % 2 == 0 ? new SKColor(40, 70, 55) : new SKColor(170, 205, 230);
        canvas.DrawRect(width * 0.2f, height * 0.08f, width * 0.6f, height * 0.25f, paint);
        // Rows of benches with students and glassware.
        for (var row = 0; row < 3; row++)
        {
            var y = height * (0.45f + row * 0.16f);
            var scale = 0.7f + row * 0.2f;
            for (var col = 0; col < 4; col++)
            {
                var x = width * (0.08f + col * 0.23f);
                paint.Color = new SKColor(120, 85, 50);
                canvas.DrawRect(x, y, width * 0.18f * scale, height * 0.05f * scale, paint);
                for (var s = 0; s < 2; s++)
                {
                    paint.Color = SKColor.FromHsl((variant * 40 + col * 60 + s * 90) % 360, 55, 45);
                    canvas.DrawRect(x + s * 50 * scale + 10, y - 45 * scale, 34 * scale, 45 * scale, paint);
                    paint.Color = new SKColor(240, 205, 170);
                    canvas.DrawCircle(x + s * 50 * scale + 27 * scale, y - 58 * scale, 14 * scale, paint);
                }
                paint.Color = SKColor.FromHsl((variant * 70 + col * 45) % 360, 70, 60).WithAlpha(200);
                using var flask = new SKPath();
                var fx = x + width * 0.13f * scale;
                flask.MoveTo(fx, y - 30 * scale);
                flask.LineTo(fx - 12 * scale, y);
                flask.LineTo(fx + 12 * scale, y);
                flask.Close();
                canvas.DrawPath(flask, paint);
            }
        }
        paint.Color = SKColors.White.WithAlpha(90);
        canvas.DrawCircle(width * (0.1f + variant % 5 * 0.2f), height * 0.2f, 60 + _random.Next(0, 30), paint);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
