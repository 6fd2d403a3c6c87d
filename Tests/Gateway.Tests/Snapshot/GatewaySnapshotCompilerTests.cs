using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OrleansMesh.Configuration;
using OrleansMesh.ControlPlane;
using OrleansMesh.Gateway.LoadBalancing;
using OrleansMesh.Gateway.Model;
using OrleansMesh.Gateway.Routing;
using OrleansMesh.Gateway.Security;
using OrleansMesh.Gateway.Security.Jwt;
using OrleansMesh.Gateway.Snapshot;
using OrleansMesh.Security;
using static OrleansMesh.Gateway.Tests.Mesh;

namespace OrleansMesh.Gateway.Tests.Snapshot;

public sealed class GatewaySnapshotCompilerTests : IDisposable
{
    private readonly EndpointStateCache _states = new();
    private readonly JwksCache _jwks = new(Options.Create(new MeshSecurityOptions()), new FakeTimeProvider(), NullLogger<JwksCache>.Instance);
    private readonly GatewaySnapshotCompiler _compiler;

    public GatewaySnapshotCompilerTests()
    {
        _compiler = new GatewaySnapshotCompiler(
            Compiler(_states, new Random(1)),
            new SecuritySnapshotCompiler(_jwks, Options.Create(new MeshGatewayOptions())));
    }

    [Fact]
    public void Compile_OneGeneration_RoutesAndPoliciesInOneSnapshot()
    {
        var compiled = _compiler.Compile(Config(7, "127.0.0.1", denyAll: true), NoLabels);

        Assert.Equal(7, compiled.Snapshot.Generation);
        Assert.True(compiled.Snapshot.IsLoaded);
        Assert.NotNull(compiled.Snapshot.Routing.FindHost("ratings"));
        Assert.False(compiled.Snapshot.Security.Gateway.Policies.IsEmpty);
    }

    [Fact]
    public void Compile_EndpointGoneBeforeCommit_KeepsItsSharedState()
    {
        var first = _compiler.Compile(Config(1, "127.0.0.1", "127.0.0.2"), NoLabels);
        first.Commit();
        var removed = Endpoint(first.Snapshot, 1).State;

        _compiler.Compile(Config(2, "127.0.0.1"), NoLabels);

        Assert.Same(removed, _states.Get(Endpoint(first.Snapshot, 1).DestinationPrefix));
    }

    [Fact]
    public void Commit_EndpointGone_ForgetsItsSharedState()
    {
        var first = _compiler.Compile(Config(1, "127.0.0.1", "127.0.0.2"), NoLabels);
        first.Commit();
        var removed = Endpoint(first.Snapshot, 1).State;

        _compiler.Compile(Config(2, "127.0.0.1"), NoLabels).Commit();

        Assert.NotSame(removed, _states.Get(Endpoint(first.Snapshot, 1).DestinationPrefix));
    }

    [Fact]
    public void Store_BeforeFirstSwap_IsEmptyAndNotLoaded()
    {
        var store = new GatewaySnapshotStore();

        Assert.False(store.IsLoaded);
        Assert.Same(GatewaySnapshot.Empty, store.Current);
    }

    [Fact]
    public void Store_Swap_ReplacesRoutesAndPoliciesTogether()
    {
        var store = new GatewaySnapshotStore();
        var compiled = _compiler.Compile(Config(3, "127.0.0.1", denyAll: true), NoLabels);

        store.Swap(compiled.Snapshot);

        Assert.True(store.IsLoaded);
        Assert.Same(compiled.Snapshot.Routing, store.Current.Routing);
        Assert.Same(compiled.Snapshot.Security, store.Current.Security);
    }

    public void Dispose() => _jwks.Dispose();

    private static UpstreamEndpoint Endpoint(GatewaySnapshot snapshot, int index) =>
        ((ForwardAction)snapshot.Routing.FindHost("ratings")!.Routes[0].Action).Destinations[0].Cluster.Endpoints[index];

    private static MeshSnapshot Config(long generation, params string[] addresses) => Config(generation, addresses[0], addresses[1..], denyAll: false);

    private static MeshSnapshot Config(long generation, string address, bool denyAll) => Config(generation, address, [], denyAll);

    private static MeshSnapshot Config(long generation, string address, string[] more, bool denyAll) => new()
    {
        Generation = generation,
        Tables = [Table("ratings", Service("ratings", [Workload(address), .. more.Select(a => Workload(a))]))],
        AuthorizationPolicies = denyAll ? [DenyAll()] : [],
    };

    private static AuthorizationPolicy DenyAll()
    {
        var result = MeshConfigLoader.Load("apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: deny-all\n  namespace: istio-system\nspec:\n  action: DENY\n  rules:\n  - {}\n", "t.yaml");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return (AuthorizationPolicy)Assert.Single(result.Resources).Resource;
    }
}
