using Hangfire.Dashboard;

namespace EduPortal.Web.Infrastructure.JobsDashboard;

/// <summary>
/// The background-jobs dashboard in Chinese: its labels follow the request culture (zh-CN, set by request
/// localization); its dates and relative times are drawn in the browser by moment.js, switched to zh-cn here.
/// </summary>
public static class HangfireDashboardCulture
{
    public const string ScriptResource = "EduPortal.Web.Infrastructure.JobsDashboard.dashboard-zh-cn.js";
    private static int _registered;

    /// <summary>Adds the script to the dashboard's bundle once per process (the dashboard's routes are static).</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            DashboardRoutes.AddJavaScript(typeof(HangfireDashboardCulture).Assembly, ScriptResource);
        }
    }
}
