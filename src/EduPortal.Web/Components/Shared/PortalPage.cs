using EduPortal.Domain.Accounts;
using EduPortal.Domain.Common;
using EduPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EduPortal.Web.Components.Shared;

/// <summary>
/// Base of the portal's pages: resolves the caller once per page load (fresh from the database) and
/// turns a service's <see cref="Result"/> into a snackbar or field messages.
/// </summary>
public abstract class PortalPage : ComponentBase
{
    [Inject] protected CallerAccessor Callers { get; set; } = default!;
    [Inject] protected ISnackbar Snackbar { get; set; } = default!;
    [Inject] protected NavigationManager Navigation { get; set; } = default!;
    [Inject] private IServiceProvider Services { get; set; } = default!;

    protected Caller? Caller { get; private set; }

    /// <summary>Field messages from the last failed validation, keyed by input property name.</summary>
    protected Dictionary<string, string> FieldErrors { get; } = new();

    protected override async Task OnInitializedAsync()
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        Caller = await Callers.GetAsync();
        if (Caller is null)
        {
            Navigation.NavigateTo("/Account/Login", forceLoad: true);
            return;
        }
        await OnCallerReadyAsync(Caller);
        // /diag: the page's own load in a circuit (prerendering is an HTTP request, timed by the request metrics).
        if (RendererInfo.IsInteractive)
        {
            Services.GetService<Infrastructure.Diagnostics.CircuitDiagnostics>()?.RecordPageLoad(System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
    }

    protected virtual Task OnCallerReadyAsync(Caller caller) => Task.CompletedTask;

    /// <summary>Re-reads the caller before an action, so a disabled or demoted account is refused at once.</summary>
    protected async Task<Caller?> FreshCallerAsync()
    {
        Caller = await Callers.GetAsync();
        if (Caller is null)
        {
            Snackbar.Add("您的账号已停用或登录已失效，请重新登录。", Severity.Error);
            Navigation.NavigateTo("/Account/Login", forceLoad: true);
        }
        return Caller;
    }

    protected string? ErrorFor(string field) => FieldErrors.TryGetValue(field, out var message) ? message : null;

    /// <summary>Shows the outcome; returns true on success.</summary>
    protected bool Report(Result result, string? successMessage = null) => Report(result.Error, successMessage);

    protected bool Report(Error? error, string? successMessage = null)
    {
        FieldErrors.Clear();
        if (error is null)
        {
            if (successMessage is not null)
            {
                Snackbar.Add(successMessage, Severity.Success);
            }
            return true;
        }
        if (error is ValidationError validation)
        {
            foreach (var (field, message) in validation.Fields)
            {
                FieldErrors[field] = message;
            }
            // Each message sits next to its field; on a phone a snackbar repeating them all would cover the form.
            if (validation.Fields.Count > 1)
            {
                Snackbar.Add($"有 {validation.Fields.Count} 处需要修改，请查看标红的项目。", Severity.Error);
                return false;
            }
        }
        Snackbar.Add(error.Message, Severity.Error);
        return false;
    }
}
