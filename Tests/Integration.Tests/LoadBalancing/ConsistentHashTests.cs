using OrleansMesh.Integration.Tests.Infrastructure;

namespace OrleansMesh.Integration.Tests.LoadBalancing;

/// <summary>
/// <c>consistentHash</c> through a real gateway to three demo model servers: a session header or cookie keeps every
/// request of a session on one backend, and different sessions spread over the backends.
/// </summary>
public sealed class ConsistentHashTests : IAsyncLifetime
{
    private const int Sessions = 30;
    private const int RequestsPerSession = 4;
    private readonly MeshCluster _mesh = new(silos: 1);
    private ModelBackends _backends = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        await _mesh.StartAsync();
        _backends = await ModelBackends.StartAsync("llm", "a", "b", "c");
        var result = await _mesh.ApplyAsync(_backends.ServiceEntryYaml("llm") + """

            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: llm
            spec:
              hosts: [llm]
              http:
              - match:
                - uri: {prefix: /cookie}
                route:
                - destination: {host: llm, subset: by-cookie}
              - route:
                - destination: {host: llm}
            ---
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: llm
            spec:
              host: llm
              trafficPolicy:
                loadBalancer:
                  consistentHash:
                    httpHeaderName: x-session
              subsets:
              - name: by-cookie
                labels: {app: llm}
                trafficPolicy:
                  loadBalancer:
                    consistentHash:
                      httpCookie: {name: mesh-session, path: /, ttl: 3600s}
            """);
        Assert.True(result.Succeeded, string.Join("; ", result.Diagnostics));
        _gateway = await GatewayHost.StartAsync(_mesh.Grains);
    }

    [Fact]
    public async Task Header_EverySessionSticksToOneBackendAndSessionsSpread()
    {
        var backendOf = new Dictionary<int, HashSet<string>>();
        for (var session = 0; session < Sessions; session++)
        {
            backendOf[session] = [];
            for (var i = 0; i < RequestsPerSession; i++)
            {
                backendOf[session].Add(await TrafficSample.VersionOfAsync(_gateway, "llm", "/v1/models", ("x-session", $"user-{session}")));
            }
        }

        Assert.All(backendOf.Values, backends => Assert.Single(backends));
        Assert.True(backendOf.Values.Select(b => b.Single()).Distinct().Count() >= 2, "30 sessions all hashed to one of three backends");
    }

    [Fact]
    public async Task Cookie_MissingIsSetByTheGatewayAndThenSticks()
    {
        using var first = await _gateway.GetAsync("llm", "/cookie");
        var setCookie = first.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("mesh-session=", StringComparison.Ordinal));
        var cookie = setCookie[..setCookie.IndexOf(';', StringComparison.Ordinal)];
        var firstBackend = first.Headers.GetValues(TrafficSample.VersionHeader).Single();

        var later = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            later.Add(await TrafficSample.VersionOfAsync(_gateway, "llm", "/cookie", ("Cookie", cookie)));
        }

        Assert.Contains("Max-Age=3600", setCookie, StringComparison.Ordinal);
        Assert.All(later, backend => Assert.Equal(firstBackend, backend));
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _backends.DisposeAsync();
        await _mesh.DisposeAsync();
    }
}
