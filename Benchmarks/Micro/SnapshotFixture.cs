using OrleansMesh.Gateway.Health;
using OrleansMesh.Gateway.LoadBalancing;
using OrleansMesh.Gateway.Model;
using OrleansMesh.Gateway.Resilience;
using OrleansMesh.Gateway.Routing;

namespace OrleansMesh.Benchmarks;

/// <summary>The 1,000-service mesh compiled once, as the gateway holds it between config pushes.</summary>
internal static class SnapshotFixture
{
    public static RoutingSnapshot Compile()
        => new RoutingSnapshotCompiler(new EndpointStateCache(), new Random(42), new RegexCache(), ResilienceCompiler.CreateDefault(new Random(42)), new HealthRegistry(TimeProvider.System)).Compile(BenchmarkMesh.Create(), BenchmarkMesh.GatewayLabels);

    public static ForwardAction Forward(RoutingSnapshot snapshot, string host, string routeName)
    {
        var virtualHost = snapshot.FindHost(host) ?? throw new InvalidOperationException($"no virtual host for {host}");
        var route = virtualHost.Routes.Single(r => r.Name == routeName);
        return route.Action as ForwardAction ?? throw new InvalidOperationException($"route {routeName} does not forward");
    }
}
