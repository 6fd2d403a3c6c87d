using Microsoft.Playwright;
using OrleansMesh.Dashboard.Tests.Infrastructure;
using OrleansMesh.Resilience;

namespace OrleansMesh.Dashboard.Tests.Browser;

/// <summary>The dashboard of a mesh without an admin token: it says the mesh is open, and actions need no sign-in.</summary>
public sealed class OpenMeshTests(OpenMesh mesh) : IClassFixture<OpenMesh>
{
    [Fact]
    public async Task Page_NoAdminToken_SaysTheMeshIsOpen()
    {
        await using var context = await mesh.NewContextAsync();
        var page = await mesh.OpenDashboardAsync(context);

        await Assertions.Expect(page.GetByTestId("mesh-open")).ToContainTextAsync("This mesh is open.");
        Assert.Equal(0, await page.GetByLabel("Mesh admin token").CountAsync());
    }

    [Fact]
    public async Task HoldOpen_NoAdminToken_Done()
    {
        await using var context = await mesh.NewContextAsync();
        var page = await mesh.OpenDashboardAsync(context);
        var v3 = mesh.Grains.GetGrain<IDestinationHealthGrain>(DestinationKey.Of("chat-model", "v3"));
        try
        {
            var actions = page.Locator("[data-service='chat-model'] .actions");
            await actions.GetByLabel("Breaker of").SelectOptionAsync("chat-model/v3");
            await actions.GetByRole(AriaRole.Button, new() { Name = "Hold open", Exact = true }).ClickAsync();

            await Assertions.Expect(page.Locator("[data-breaker='chat-model/v3']").First).ToHaveTextAsync("Open (held open)");
            Assert.Equal(BreakerOverride.ForcedOpen, (await v3.GetAsync()).Override);
        }
        finally
        {
            await v3.OverrideAsync(BreakerOverride.None);
        }
    }
}
