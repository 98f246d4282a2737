using EduPortal.Web;
using EduPortal.Web.Infrastructure.Database;

var builder = WebApplication.CreateBuilder(args);
// `--seed-size large` builds the benchmark district instead of the demo city.
builder.Configuration.AddCommandLine(args, new Dictionary<string, string> { ["--seed-size"] = "Seed:Size" });
builder.AddEduPortal();

var app = builder.Build();
app.UseEduPortal();
// The recurring jobs once the database is ready (at once, or when it answers again after an unreachable start).
await app.InitializeDatabaseAsync(then: app.ScheduleRecurringJobs);
app.LogStartupBanner();
await app.RunAsync();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
