using OrleansMesh.Integration.Tests.Infrastructure;
using OrleansMesh.Samples.ModelServer.Hosting;

namespace OrleansMesh.Integration.Tests.Resilience;

/// <summary>
/// One mesh (1 silo), one gateway, and the upstreams of every resilience test, each host with its own backends so
/// that request counts stay per test. All config is applied once, before the gateway starts.
/// </summary>
public sealed class ResilienceFixture : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _owned = [];
    private WebApplication _erroring = null!;

    internal MeshCluster Mesh { get; } = new(silos: 1);

    internal GatewayHost Gateway { get; private set; } = null!;

    internal StatusBackend Unavailable { get; private set; } = null!;

    internal StatusBackend UnavailableForDefaults { get; private set; } = null!;

    internal StatusBackend Slow { get; private set; } = null!;

    internal StatusBackend SlowA { get; private set; } = null!;

    internal StatusBackend SlowB { get; private set; } = null!;

    internal StatusBackend UnavailableReadingBodies { get; private set; } = null!;

    internal StatusBackend Held { get; private set; } = null!;

    internal ModelBackends Ratings { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Mesh.StartAsync();
        Unavailable = await Start(503);
        UnavailableForDefaults = await Start(503);
        Slow = await Start(200, TimeSpan.FromSeconds(20));
        SlowA = await Start(200, TimeSpan.FromSeconds(20));
        SlowB = await Start(200, TimeSpan.FromSeconds(20));
        UnavailableReadingBodies = await Start(503);
        Held = await Start(200, held: true);
        var ok = await Start(200);
        var ok2 = await Start(200);

        // The demo model server answering every request 500, as a failing model does.
        _erroring = ModelServerApp.Create(new ModelServerOptions { Name = "failing", Version = "v1", ErrorRate = 1 }, "http://127.0.0.1:0");
        await _erroring.StartAsync();
        var erroringPort = new Uri(_erroring.Urls.Single()).Port;

        Ratings = await ModelBackends.StartAsync("ratings", "v1");
        _owned.Add(Ratings);

        await Mesh.ApplyAsync(string.Join("\n---\n",
            Service("retry-5xx", Unavailable.Port, erroringPort, ok.Port), RoundRobin("retry-5xx"),
            Route("retry-5xx", "retries: {attempts: 2, retryOn: 5xx}"),
            Service("default-retries", UnavailableForDefaults.Port, ok.Port), RoundRobin("default-retries"),
            Service("per-try", Slow.Port, ok.Port), RoundRobin("per-try"),
            Route("per-try", "retries: {attempts: 2, perTryTimeout: 300ms, retryOn: 5xx}"),
            Service("overall", SlowA.Port, SlowB.Port), RoundRobin("overall"),
            Route("overall", "timeout: 3s\n    retries: {attempts: 10, perTryTimeout: 400ms, retryOn: 5xx}"),
            Service("route-only", SlowA.Port), Route("route-only", "timeout: 500ms\n    retries: {attempts: 0}"),
            Service("bodies", UnavailableReadingBodies.Port, ok2.Port), RoundRobin("bodies"),
            Route("bodies", "retries: {attempts: 3, retryOn: '503'}"),
            Service("pool", Held.Port),
            """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: pool}
            spec:
              host: pool
              trafficPolicy:
                connectionPool:
                  tcp: {maxConnections: 1}
                  http: {http1MaxPendingRequests: 1}
            """,
            Service("delayed", ok2.Port),
            """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: delayed}
            spec:
              hosts: [delayed]
              http:
              - match:
                - headers: {end-user: {exact: jason}}
                fault:
                  delay: {percentage: {value: 100.0}, fixedDelay: 300ms}
                route:
                - destination: {host: delayed}
              - route:
                - destination: {host: delayed}
            """,
            Service("sometimes", ok2.Port),
            Route("sometimes", "fault: {abort: {httpStatus: 503, percentage: {value: 30}}}"),
            Ratings.ServiceEntryYaml("ratings")));
        await Mesh.ApplyFileAsync(SharedCorpus.Bookinfo("destination-rule-all.yaml"));
        await Mesh.ApplyFileAsync(SharedCorpus.Bookinfo("virtual-service-ratings-test-abort.yaml"));
        Gateway = await GatewayHost.StartAsync(Mesh.Grains);
    }

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        foreach (var owned in _owned)
        {
            await owned.DisposeAsync();
        }

        await _erroring.DisposeAsync();
        await Mesh.DisposeAsync();
    }

    private async Task<StatusBackend> Start(int status, TimeSpan delay = default, bool held = false)
    {
        var backend = await StatusBackend.StartAsync(status, delay, held);
        _owned.Add(backend);
        return backend;
    }

    private static string Service(string host, params int[] ports) => $$$"""
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata: {name: {{{host}}}}
        spec:
          hosts: [{{{host}}}]
          ports: [{number: 80, name: http, protocol: HTTP}]
          resolution: STATIC
          endpoints:
        {{{string.Join("\n", ports.Select(Endpoint))}}}
        """;

    private static string Endpoint(int port) => "  - {address: 127.0.0.1, ports: {http: " + port + "}}";

    private static string RoundRobin(string host) => $$$"""
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: {{{host}}}}
        spec:
          host: {{{host}}}
          trafficPolicy: {loadBalancer: {simple: ROUND_ROBIN}}
        """;

    private static string Route(string host, string policy) => $$$"""
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: {{{host}}}}
        spec:
          hosts: [{{{host}}}]
          http:
          - route:
            - destination: {host: {{{host}}}}
            {{{policy}}}
        """;
}
