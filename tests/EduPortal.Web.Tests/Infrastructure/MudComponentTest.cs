using Bunit;
using MudBlazor.Services;

namespace EduPortal.Web.Tests.Infrastructure;

/// <summary>Base of the component tests: a bUnit context with MudBlazor's services and loose JS interop, disposed after the test.</summary>
public abstract class MudComponentTest : IAsyncLifetime
{
    protected BunitContext Context { get; } = new();

    protected MudComponentTest()
    {
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddMudServices();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Context.DisposeAsync();
}
