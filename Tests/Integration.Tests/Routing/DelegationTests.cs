using System.Net;
using OrleansMesh.Integration.Tests.Infrastructure;

namespace OrleansMesh.Integration.Tests.Routing;

/// <summary>
/// VirtualService delegation through a real gateway to two demo model servers: a root route for <c>/v1</c> continues
/// in the delegate's rules (merged as Istio's pilot merges them), a delegate rule outside the root's match is dropped,
/// and changing only the delegate changes what the root's host serves.
/// </summary>
public sealed class DelegationTests : IAsyncLifetime
{
    private readonly MeshCluster _mesh = new(silos: 1);
    private ModelBackends _backends = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        await _mesh.StartAsync();
        _backends = await ModelBackends.StartAsync("chat", "v1", "v2");
        var result = await _mesh.ApplyAsync(_backends.ServiceEntryYaml("chat") + Root + Delegate("v1"));
        Assert.True(result.Succeeded, string.Join("; ", result.Diagnostics));
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == OrleansMesh.ControlPlane.DiagnosticSeverity.Warning);
        _gateway = await GatewayHost.StartAsync(_mesh.Grains);
    }

    [Fact]
    public async Task RootRoute_ContinuesInTheDelegatesRules()
    {
        Assert.Equal("v1", await TrafficSample.VersionOfAsync(_gateway, "chat", "/v1/models"));
        Assert.Equal("v2", await TrafficSample.VersionOfAsync(_gateway, "chat", "/v1/models", ("x-pin", "v2")));
    }

    [Fact]
    public async Task DelegateRuleOutsideTheRootsMatch_IsDropped()
    {
        using var response = await _gateway.GetAsync("chat", "/healthz");

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
    }

    [Fact]
    public async Task ChangingTheDelegate_ChangesWhatTheRootServes()
    {
        var result = await _mesh.ApplyAsync(Delegate("v2"));
        Assert.True(result.Succeeded, string.Join("; ", result.Diagnostics));

        await Eventually.TrueAsync(
            async () => await TrafficSample.VersionOfAsync(_gateway, "chat", "/v1/models") == "v2",
            "the root's host serving the changed delegate's default");
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _backends.DisposeAsync();
        await _mesh.DisposeAsync();
    }

    private const string Root = """

        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: chat}
        spec:
          host: chat
          subsets:
          - {name: v1, labels: {version: v1}}
          - {name: v2, labels: {version: v2}}
        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: chat}
        spec:
          hosts: [chat]
          http:
          - match: [{uri: {prefix: /v1}}]
            delegate: {name: chat-v1-api, namespace: models}
          - directResponse: {status: 410}
        """;

    private static string Delegate(string defaultSubset) => $"""

        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {"{"}name: chat-v1-api, namespace: models{"}"}
        spec:
          http:
          - match: [{"{"}uri: {"{"}prefix: /v1/models{"}"}, headers: {"{"}x-pin: {"{"}exact: v2{"}"}{"}"}{"}"}]
            route: [{"{"}destination: {"{"}host: chat, subset: v2{"}"}{"}"}]
          - match: [{"{"}uri: {"{"}prefix: /healthz{"}"}{"}"}]
            route: [{"{"}destination: {"{"}host: chat, subset: v1{"}"}{"}"}]
          - route: [{"{"}destination: {"{"}host: chat, subset: {defaultSubset}{"}"}{"}"}]
        """;
}
