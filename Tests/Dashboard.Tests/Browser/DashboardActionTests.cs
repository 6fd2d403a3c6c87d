using Microsoft.Playwright;
using OrleansMesh.Dashboard.Tests.Infrastructure;
using OrleansMesh.Resilience;

namespace OrleansMesh.Dashboard.Tests.Browser;

/// <summary>Actions from the page on a mesh with an admin token: refused without it, done with it.</summary>
public sealed class DashboardActionTests(SecuredMesh mesh) : IClassFixture<SecuredMesh>
{
    private IDestinationHealthGrain V3 => mesh.Grains.GetGrain<IDestinationHealthGrain>(DestinationKey.Of("chat-model", "v3"));

    [Fact]
    public async Task HoldOpen_WithoutToken_RefusedAndBreakerUnchanged()
    {
        await using var context = await mesh.NewContextAsync();
        var page = await mesh.OpenDashboardAsync(context);

        await HoldAsync(page, "chat-model/v3", "Hold open");

        await Assertions.Expect(Actions(page)).ToContainTextAsync("Refused: this mesh has an admin token");
        Assert.Equal(BreakerOverride.None, (await V3.GetAsync()).Override);
    }

    [Fact]
    public async Task SignIn_WrongToken_RefusedAndNoSession()
    {
        await using var context = await mesh.NewContextAsync();
        var page = await mesh.OpenDashboardAsync(context);

        await page.GetByLabel("Mesh admin token").FillAsync("not-the-token-not-the-token");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.Locator("#sign-in-message")).ToContainTextAsync("not the mesh admin token");
        Assert.Empty(await context.CookiesAsync());
    }

    [Fact]
    public async Task HoldOpen_WithToken_BreakerHeldOpenThenReset()
    {
        await using var context = await mesh.NewContextAsync();
        var page = await mesh.OpenDashboardAsync(context);
        await page.GetByLabel("Mesh admin token").FillAsync(SecuredMesh.Token);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("admin-session")).ToBeVisibleAsync();

        var cookie = Assert.Single(await context.CookiesAsync());
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.DoesNotContain(SecuredMesh.Token, cookie.Value, StringComparison.Ordinal);
        Assert.DoesNotContain(SecuredMesh.Token, page.Url, StringComparison.Ordinal);
        try
        {
            await HoldAsync(page, "chat-model/v3", "Hold open");
            await Assertions.Expect(page.Locator("[data-breaker='chat-model/v3']").First).ToHaveTextAsync("Open (held open)");
            Assert.Equal(BreakerOverride.ForcedOpen, (await V3.GetAsync()).Override);
            await Screenshots.SaveAsync(page, "services-breaker-open", "#services");

            await HoldAsync(page, "chat-model/v3", "Reset");
            await Assertions.Expect(page.Locator("[data-breaker='chat-model/v3']").First).ToHaveTextAsync("Closed");
            Assert.Equal(BreakerOverride.None, (await V3.GetAsync()).Override);
        }
        finally
        {
            await V3.OverrideAsync(BreakerOverride.None);
        }
    }

    [Fact]
    public async Task Action_CrossSiteRequestWithSessionCookie_Refused()
    {
        await using var context = await mesh.NewContextAsync();
        var page = await mesh.OpenDashboardAsync(context);
        await page.GetByLabel("Mesh admin token").FillAsync(SecuredMesh.Token);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("admin-session")).ToBeVisibleAsync();

        // What a forged form post can send: the cookie, but neither the dashboard's header nor a JSON body.
        var status = await page.EvaluateAsync<int>(
            "async () => (await fetch('api/breaker', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{\"host\":\"chat-model\",\"subset\":\"v3\",\"hold\":\"open\"}' })).status");

        Assert.Equal(403, status);
        Assert.Equal(BreakerOverride.None, (await V3.GetAsync()).Override);
    }

    private static ILocator Actions(IPage page) => page.Locator("[data-service='chat-model'] .actions");

    private static async Task HoldAsync(IPage page, string destination, string button)
    {
        var actions = Actions(page);
        await actions.GetByLabel("Breaker of").SelectOptionAsync(destination);
        await actions.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
    }
}
