using System.Diagnostics;
using System.Globalization;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using OrleansMesh.Dashboard.Tests.Infrastructure;
using OrleansMesh.Resilience;

namespace OrleansMesh.Dashboard.Tests.Browser;

/// <summary>The dashboard in a real browser against a real dev mesh with an admin token.</summary>
public sealed class DashboardPageTests(SecuredMesh mesh) : IClassFixture<SecuredMesh>
{
    [Fact]
    public async Task Load_FreshPage_NoConsoleErrorNoFailedRequest()
    {
        await using var context = await mesh.NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                problems.Add($"console {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => problems.Add($"page error: {error}");
        page.RequestFailed += (_, request) => problems.Add($"failed: {request.Method} {request.Url} {request.Failure}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                problems.Add($"HTTP {response.Status}: {response.Url}");
            }
        };

        await page.GotoAsync(mesh.Mesh.Dashboard.ToString());
        await page.WaitForSelectorAsync("[data-node='gateways']");

        // Two rounds of the slow refresh (config, charts) too.
        await page.WaitForSelectorAsync("#config details");
        await page.WaitForTimeoutAsync(6_000);
        Assert.Empty(problems);
        await Screenshots.SaveAsync(page, "dashboard-full");
    }

    [Fact]
    public async Task Topology_DemoConfig_ShowsHostSubsetsAndEndpoints()
    {
        await using var context = await mesh.NewContextAsync();
        var page = await mesh.OpenDashboardAsync(context);

        Assert.Equal(1, await page.Locator("[data-node='service:chat-model']").CountAsync());
        foreach (var version in DemoModels.Versions)
        {
            Assert.Equal(1, await page.Locator($"[data-node='subset:chat-model/{version}']").CountAsync());
        }

        foreach (var port in mesh.Models.Ports)
        {
            Assert.Equal(1, await page.Locator($"[data-node='endpoint:chat-model/127.0.0.1:{port}']").CountAsync());
        }

        await page.Locator("[data-node='subset:chat-model/v2']").ClickAsync();
        await Assertions.Expect(page.Locator("#details")).ToContainTextAsync("version=v2");
        await Screenshots.SaveAsync(page, "topology", "#topology");
    }

    [Fact]
    public async Task ObservedSplit_AfterTraffic_WithinFivePointsOfTheRealSplit()
    {
        await using var context = await mesh.NewContextAsync();
        var page = await mesh.OpenDashboardAsync(context);
        var answered = new Dictionary<string, int>(StringComparer.Ordinal);
        using var http = new HttpClient { BaseAddress = mesh.Mesh.Proxy };
        for (var i = 0; i < 300; i++)
        {
            using var response = await http.PostAsJsonAsync("/v1/chat/completions", new { model = "chat-model", messages = new[] { new { role = "user", content = "hi" } }, max_tokens = 4 });
            response.EnsureSuccessStatusCode();
            var version = response.Headers.GetValues("x-model-version").Single();
            answered[version] = answered.GetValueOrDefault(version) + 1;
        }

        var realV1 = 100.0 * answered.GetValueOrDefault("v1") / (answered.GetValueOrDefault("v1") + answered.GetValueOrDefault("v2"));

        // The gateway reports each second; the page shows what the grains say within a refresh or two.
        var shown = double.NaN;
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(20))
        {
            shown = await ShareAsync(page, "chat-model/v1");
            if (Math.Abs(shown - realV1) <= 5 && Math.Abs(await ShareAsync(page, "chat-model/v2") - (100 - realV1)) <= 5)
            {
                break;
            }

            await page.WaitForTimeoutAsync(250);
        }

        Assert.InRange(shown, realV1 - 5, realV1 + 5);
        Assert.InRange(await ShareAsync(page, "chat-model/v2"), 100 - realV1 - 5, 100 - realV1 + 5);
        await page.Locator("[data-node='subset:chat-model/v1']").ClickAsync();
        await Screenshots.SaveAsync(page, "topology-traffic", "#topology");
        await Screenshots.SaveAsync(page, "services", "#services");
        await Screenshots.SaveAsync(page, "models", "#models");

        // The charts read the telemetry grains' 10 s steps every few seconds.
        await page.WaitForSelectorAsync("#charts polyline", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        await Screenshots.SaveAsync(page, "charts", "#charts");
    }

    [Fact]
    public async Task BreakerOpen_GrainCallAsMeshctl_ShownOpenWithinTwoSecondsWithoutReload()
    {
        await using var context = await mesh.NewContextAsync();
        var page = await mesh.OpenDashboardAsync(context);
        var breaker = page.Locator("[data-breaker='chat-model/v3']").First;
        await Assertions.Expect(breaker).ToHaveTextAsync("Closed");
        var navigations = 0;
        page.FrameNavigated += (_, _) => navigations++;

        var elapsed = Stopwatch.StartNew();
        await mesh.Grains.GetGrain<IDestinationHealthGrain>(DestinationKey.Of("chat-model", "v3")).OverrideAsync(BreakerOverride.ForcedOpen);
        try
        {
            await page.WaitForFunctionAsync(
                "() => document.querySelector(\"[data-breaker='chat-model/v3']\")?.textContent.startsWith('Open')",
                null,
                new PageWaitForFunctionOptions { PollingInterval = 50, Timeout = 10_000 });
            var seen = elapsed.Elapsed;

            Assert.True(seen <= TimeSpan.FromSeconds(2), $"the open breaker was shown after {seen.TotalMilliseconds:0} ms");
            Assert.Equal(0, navigations);
            await Assertions.Expect(breaker).ToHaveTextAsync("Open (held open)");
        }
        finally
        {
            await mesh.Grains.GetGrain<IDestinationHealthGrain>(DestinationKey.Of("chat-model", "v3")).OverrideAsync(BreakerOverride.None);
        }
    }

    [Fact]
    public async Task Accessibility_Axe_NoViolations()
    {
        await using var context = await mesh.NewContextAsync();
        var page = await mesh.OpenDashboardAsync(context);
        await page.WaitForSelectorAsync("#config details");
        await page.Locator("[data-node='subset:chat-model/v1']").ClickAsync();
        foreach (var details in await page.Locator("details").AllAsync())
        {
            await details.Locator("summary").ClickAsync();
        }

        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
        });

        Assert.True(result.Violations.Length == 0, string.Join(Environment.NewLine, result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} — {string.Join("; ", v.Nodes.Take(5).Select(n => n.Target))}")));
    }

    [Fact]
    public async Task Keyboard_Tab_ReachesSignInTopologyAndBreakerControls()
    {
        await using var context = await mesh.NewContextAsync();
        var page = await mesh.OpenDashboardAsync(context);
        var reached = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 60; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached.Add(await page.EvaluateAsync<string>("() => { const e = document.activeElement; return e.dataset.node ?? e.dataset.hold ?? e.id ?? e.tagName; }"));
        }

        Assert.Contains("admin-token", reached);
        Assert.Contains("gateways", reached);
        Assert.Contains("subset:chat-model/v1", reached);
        Assert.Contains("breaker-target-0", reached);
        Assert.Contains("open", reached);

        // Enter on a focused node selects it, as a click does.
        await page.Locator("[data-node='subset:chat-model/v3']").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#details")).ToContainTextAsync("chat-model/v3");
    }

    [Fact]
    public async Task ControlPlane_DevMesh_ShowsSiloGatewaySyncedAndConfigHistory()
    {
        await using var context = await mesh.NewContextAsync();
        var page = await mesh.OpenDashboardAsync(context);

        await Assertions.Expect(page.Locator("#control [data-sync]").First).ToHaveTextAsync("SYNCED");
        await Assertions.Expect(page.Locator("#control")).ToContainTextAsync("Active");
        await page.WaitForSelectorAsync("#config details");
        await page.Locator("#config summary").ClickAsync();
        await Assertions.Expect(page.Locator("#config pre")).ToContainTextAsync("kind: VirtualService");
        await Screenshots.SaveAsync(page, "control-plane", "#control-plane");
    }

    [Fact]
    public void DevMesh_Banner_PrintsTheDashboardAddressFirst()
    {
        var lines = mesh.Mesh.Output.Split(Environment.NewLine);
        var banner = Array.FindIndex(lines, l => l.Contains("OrleansMesh dev mesh is up:", StringComparison.Ordinal));

        Assert.True(banner >= 0, mesh.Mesh.Output);
        Assert.Equal($"dashboard      {mesh.Mesh.Dashboard}", lines[banner + 1].Trim());
    }

    private static async Task<double> ShareAsync(IPage page, string destination)
    {
        var text = (await page.Locator($"[data-share='{destination}']").TextContentAsync())?.TrimEnd('%') ?? "";
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : double.NaN;
    }
}
