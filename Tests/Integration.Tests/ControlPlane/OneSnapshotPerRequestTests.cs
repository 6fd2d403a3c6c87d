using System.Collections.Concurrent;
using System.Net;
using OrleansMesh.Gateway.Snapshot;
using OrleansMesh.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OrleansMesh.Integration.Tests.ControlPlane;

/// <summary>
/// A route change and a policy change applied in one generation, under load, reach every request together. The two
/// states: the route to subset v1 with a policy denying v2's endpoints, and the route to v2 with a policy denying v1's.
/// Either is served 200 by the version routed to; a request that met one generation's route and the other's policy
/// would be denied (403).
/// </summary>
public sealed class OneSnapshotPerRequestTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Host = "model.test";
    private const int Flips = 8;
    private const int Clients = 16;
    private readonly MeshCluster _mesh = new(silos: 1);
    private ModelBackends _backends = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        await _mesh.StartAsync();
        _backends = await ModelBackends.StartAsync(Host, "v1", "v2");
        var result = await _mesh.ApplyAsync(_backends.ServiceEntryYaml(Host) + "\n---\n" + Subsets + State("v1", deny: "v2"));
        Assert.True(result.Succeeded, string.Join("; ", result.Diagnostics));
        _gateway = await GatewayHost.StartAsync(_mesh.Grains);
    }

    [Fact]
    public async Task RouteAndPolicyChangedInOneGeneration_NoRequestSeesOneWithoutTheOther()
    {
        var store = _gateway.Services.GetRequiredService<GatewaySnapshotStore>();
        var answers = new ConcurrentDictionary<string, int>();
        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(0, Clients).Select(_ => Task.Run(() => SendUntilAsync(answers, stop.Token))).ToArray();

        for (var flip = 1; flip <= Flips; flip++)
        {
            var (to, deny) = flip % 2 == 1 ? ("v2", "v1") : ("v1", "v2");
            var result = await _mesh.ApplyAsync(State(to, deny));
            Assert.True(result.Succeeded, string.Join("; ", result.Diagnostics));
            await Eventually.TrueAsync(() => store.Current.Generation >= result.Generation, $"the gateway serving flip {flip}");
            await Task.Delay(100);
        }

        await stop.CancelAsync();
        await Task.WhenAll(load);

        output.WriteLine(string.Join(", ", answers.OrderBy(a => a.Key).Select(a => $"{a.Key}: {a.Value}")));
        Assert.Equal(["200 v1", "200 v2"], answers.Keys.Order());
        Assert.True(answers.Values.Sum() >= Flips * Clients, $"only {answers.Values.Sum()} requests were sent during the flips");
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _backends.DisposeAsync();
        await _mesh.DisposeAsync();
    }

    private async Task SendUntilAsync(ConcurrentDictionary<string, int> answers, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            using var response = await _gateway.GetAsync(Host, "/v1/models");
            var version = response.Headers.TryGetValues("x-model-version", out var values) ? string.Join(",", values) : "-";
            answers.AddOrUpdate($"{(int)response.StatusCode} {(response.StatusCode == HttpStatusCode.OK ? version : "-")}", 1, static (_, n) => n + 1);
        }
    }

    private const string Subsets = $"""
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: model
        spec:
          host: {Host}
          subsets:
          - name: v1
            labels:
              version: v1
          - name: v2
            labels:
              version: v2
        ---

        """;

    // One apply, so one generation: the route and the policy denying the other version's endpoints.
    private static string State(string routeTo, string deny) => $"""
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: model
        spec:
          hosts:
          - {Host}
          http:
          - route:
            - destination:
                host: {Host}
                subset: {routeTo}
        ---
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata:
          name: flip
          namespace: istio-system
        spec:
          selector:
            matchLabels:
              version: {deny}
          action: DENY
          rules:
          - {"{}"}
        """;
}
