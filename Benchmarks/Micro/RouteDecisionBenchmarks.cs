using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using OrleansMesh.Gateway.Routing;

namespace OrleansMesh.Benchmarks;

/// <summary>
/// What the gateway decides per request before YARP sends it: host lookup and first-match route evaluation
/// (<see cref="RouteDecision"/>), and the full decision down to an endpoint (<see cref="FullDecision"/>).
/// </summary>
[MemoryDiagnoser]
public class RouteDecisionBenchmarks
{
    private RoutingSnapshot _snapshot = null!;
    private HttpRequest _headerRoute1 = null!;
    private HttpRequest _headerRoute5 = null!;
    private HttpRequest _regexRoute3 = null!;
    private HttpRequest _defaultRoute6 = null!;

    [GlobalSetup]
    public void Setup()
    {
        _snapshot = SnapshotFixture.Compile();
        var host = BenchmarkMesh.ServiceHost(BenchmarkMesh.ServiceCount / 2);
        _headerRoute1 = BenchmarkRequests.Create(host, "/v1/chat/completions", ("x-canary", "true"));
        _headerRoute5 = BenchmarkRequests.Create(host, "/v1/chat/completions", ("x-tier", "premium"));
        _regexRoute3 = BenchmarkRequests.Create(host, "/v1/models/llama-3.1-8b/versions/2");
        _defaultRoute6 = BenchmarkRequests.Create(host, "/v1/completions");
        Expect(_headerRoute1, "canary");
        Expect(_headerRoute5, "premium");
        Expect(_regexRoute3, "model-version");
        Expect(_defaultRoute6, "default");
    }

    [Benchmark(Baseline = true)]
    public int Route_HeaderMatchAtRoute1() => RouteDecision(_headerRoute1);

    /// <summary>Four routes fail first, the regex of route 3 among them.</summary>
    [Benchmark]
    public int Route_HeaderMatchAtRoute5() => RouteDecision(_headerRoute5);

    [Benchmark]
    public int Route_RegexMatchAtRoute3() => RouteDecision(_regexRoute3);

    [Benchmark]
    public int Route_FallThroughToDefaultRoute6() => RouteDecision(_defaultRoute6);

    /// <summary>Host, route, weighted destination (90/10) and endpoint (ROUND_ROBIN): the whole decision.</summary>
    [Benchmark]
    public object? FullDecision_DefaultRoute6() => FullDecision(_defaultRoute6);

    private int RouteDecision(HttpRequest request)
    {
        var host = _snapshot.FindHost(request.Host.Value ?? "");
        return host?.Route(request, out var matchIndex) is null ? -1 : matchIndex;
    }

    // The same steps as MeshRequestPipeline/MeshRouter/ResilientForwarder up to IHttpForwarder.SendAsync.
    private object? FullDecision(HttpRequest request)
    {
        var route = _snapshot.FindHost(request.Host.Value ?? "")?.Route(request, out _);
        if (route?.Action is not ForwardAction forward)
        {
            return null;
        }

        var destination = forward.Pick(Random.Shared.Next(forward.TotalWeight));
        return destination.Cluster.PickEndpoint();
    }

    private void Expect(HttpRequest request, string routeName)
    {
        var route = _snapshot.FindHost(request.Host.Value ?? "")?.Route(request, out _);
        if (route?.Name != routeName)
        {
            throw new InvalidOperationException($"{request.Path} routed to '{route?.Name}', expected '{routeName}'");
        }
    }
}
