using System.Diagnostics;
using OrleansMesh.Gateway.Snapshot;
using OrleansMesh.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OrleansMesh.Integration.Tests.LoadBalancing;

/// <summary>
/// DestinationRule <c>loadBalancer.warmup</c> through a real gateway to two real backends on loopback: the second
/// endpoint, added after the gateway loaded its first config, starts with a small share that ramps to an equal one
/// over the warmup duration (Envoy's slow start: weight max(10 %, t / 10 s) under ROUND_ROBIN, share w / (1 + w)).
/// </summary>
public sealed class WarmupTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan s_window = TimeSpan.FromSeconds(10);
    private readonly MeshCluster _mesh = new(silos: 1);
    private StatusBackend _old = null!;
    private StatusBackend _new = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        await _mesh.StartAsync();
        _old = await StatusBackend.StartAsync(name: "old");
        _new = await StatusBackend.StartAsync(name: "new");
        var result = await _mesh.ApplyAsync(Config(_old.Port) + Rule);
        Assert.True(result.Succeeded, string.Join("; ", result.Diagnostics));
        _gateway = await GatewayHost.StartAsync(_mesh.Grains);
    }

    [Fact]
    public async Task AddedEndpoint_ShareRampsFromTheMinimumToEqual()
    {
        var result = await _mesh.ApplyAsync(Config(_old.Port, _new.Port));
        Assert.True(result.Succeeded, string.Join("; ", result.Diagnostics));
        var store = _gateway.Services.GetRequiredService<GatewaySnapshotStore>();
        await Eventually.TrueAsync(() => store.Current.Generation >= result.Generation, "the gateway serving the second endpoint");
        var added = Stopwatch.StartNew();

        var early = await ShareOfNewAsync(100);
        await WaitUntilAsync(added, TimeSpan.FromSeconds(4));
        var middle = await ShareOfNewAsync(150);
        await WaitUntilAsync(added, s_window + TimeSpan.FromSeconds(1));
        var late = await ShareOfNewAsync(200);

        output.WriteLine($"share of the added endpoint: early {early:F3}, at 4 s {middle:F3}, after the window {late:F3}");

        // Expected: about 0.09 in the first second, about 0.3 around 4-6 s, 0.5 once the window is over.
        Assert.True(early < 0.25, $"early share {early:F2}");
        Assert.True(middle is > 0.12 and < 0.48, $"mid-window share {middle:F2}");
        Assert.True(late is > 0.35 and < 0.65, $"after-window share {late:F2}");
        Assert.True(early < middle && middle < late, $"shares {early:F2}, {middle:F2}, {late:F2} do not ramp");
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _old.DisposeAsync();
        await _new.DisposeAsync();
        await _mesh.DisposeAsync();
    }

    private const string Rule = """

        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: warm
        spec:
          host: warm
          trafficPolicy:
            loadBalancer:
              simple: ROUND_ROBIN
              warmup: {duration: 10s, minimumPercent: 10, aggression: 1.0}
        """;

    private static string Config(params int[] ports) => $"""
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata:
          name: warm
        spec:
          hosts: [warm]
          location: MESH_INTERNAL
          resolution: STATIC
          ports:
          - {"{"}number: 9080, name: http, protocol: HTTP{"}"}
          endpoints:
        {string.Concat(ports.Select(p => $"  - {{address: 127.0.0.1, ports: {{http: {p}}}}}\n"))}
        """;

    private static async Task WaitUntilAsync(Stopwatch since, TimeSpan at)
    {
        var left = at - since.Elapsed;
        if (left > TimeSpan.Zero)
        {
            await Task.Delay(left);
        }
    }

    private async Task<double> ShareOfNewAsync(int requests)
    {
        var before = (_old.Requests, _new.Requests);
        for (var i = 0; i < requests; i++)
        {
            using var response = await _gateway.GetAsync("warm", "/");
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }

        var old = _old.Requests - before.Item1;
        var @new = _new.Requests - before.Item2;
        return @new / (double)(old + @new);
    }
}
