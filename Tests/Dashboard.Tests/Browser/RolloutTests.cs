using Microsoft.Playwright;
using OrleansMesh.Dashboard.Tests.Infrastructure;
using OrleansMesh.Rollouts;

namespace OrleansMesh.Dashboard.Tests.Browser;

/// <summary>The rollouts view on a mesh with an admin token: phase and weight shown, promote refused without the token and done with it.</summary>
public sealed class RolloutTests(SecuredMesh mesh) : IClassFixture<SecuredMesh>
{
    [Fact]
    public async Task Promote_WithoutTokenRefused_WithTokenSucceeded()
    {
        await using var context = await mesh.NewContextAsync();
        var page = await mesh.OpenDashboardAsync(context);
        var rollout = page.Locator("[data-rollout='default/rollout-model']");
        var grain = mesh.Grains.GetGrain<IRolloutGrain>(IRolloutGrain.KeyOf("default", "rollout-model"));

        // The driver reports once its keeper handed it the spec (every 2 s).
        await Assertions.Expect(rollout.Locator("[data-phase]")).ToHaveTextAsync("Progressing", new() { Timeout = 30_000 });
        await Screenshots.SaveAsync(page, "rollouts", "#rollouts");

        await rollout.GetByRole(AriaRole.Button, new() { Name = "Promote", Exact = true }).ClickAsync();
        await Assertions.Expect(rollout.Locator(".message")).ToContainTextAsync("Refused: this mesh has an admin token");
        Assert.Equal(RolloutPhase.Progressing, (await grain.GetStatusAsync())!.Phase);

        await page.GetByLabel("Mesh admin token").FillAsync(SecuredMesh.Token);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("admin-session")).ToBeVisibleAsync();
        await rollout.GetByRole(AriaRole.Button, new() { Name = "Promote", Exact = true }).ClickAsync();

        await Assertions.Expect(rollout.Locator("[data-phase]")).ToHaveTextAsync("Succeeded");
        await Assertions.Expect(rollout.Locator("[data-canary-weight]")).ToHaveTextAsync("100%");
        var status = await grain.GetStatusAsync();
        Assert.Equal((RolloutPhase.Succeeded, 100), (status!.Phase, status.CanaryWeight));
        await Screenshots.SaveAsync(page, "rollouts-promoted", "#rollouts");
    }
}
