using OrleansMesh.ControlPlane;
using OrleansMesh.Gateway.LoadBalancing;
using static OrleansMesh.Gateway.Tests.Mesh;

namespace OrleansMesh.Gateway.Tests.LoadBalancing;

public sealed class EndpointStateCacheTests
{
    [Fact]
    public void Get_SamePrefixTwice_ReturnsSameState()
    {
        var cache = new EndpointStateCache();

        Assert.Same(cache.Get("http://127.0.0.1:9001"), cache.Get("http://127.0.0.1:9001"));
    }

    [Fact]
    public void Get_OtherPrefix_ReturnsOtherState()
    {
        var cache = new EndpointStateCache();

        Assert.NotSame(cache.Get("http://127.0.0.1:9001"), cache.Get("http://127.0.0.1:9002"));
    }

    [Fact]
    public void Retain_PrefixNotLive_ForgetsItsState()
    {
        var cache = new EndpointStateCache();
        var old = cache.Get("http://127.0.0.1:9001");

        cache.Retain(new HashSet<string>(StringComparer.Ordinal) { "http://127.0.0.1:9002" });

        Assert.NotSame(old, cache.Get("http://127.0.0.1:9001"));
    }

    [Fact]
    public void Compile_SecondSnapshotWithSameEndpoint_KeepsInFlightCount()
    {
        var compiler = Compiler(new EndpointStateCache(), new Random(1));
        var before = Cluster(compiler.Compile(Ratings(1, "127.0.0.1", "127.0.0.2"), NoLabels), "ratings");
        before.Endpoints[0].State.OnRequestStarted();

        var after = Cluster(compiler.Compile(Ratings(2, "127.0.0.1", "127.0.0.3"), NoLabels), "ratings");

        Assert.Equal(1, after.Endpoints[0].State.InFlight);
    }

    [Fact]
    public void Compile_SecondSnapshotWithSameEndpoint_SharesTheStateObject()
    {
        var compiler = Compiler(new EndpointStateCache(), new Random(1));
        var before = Cluster(compiler.Compile(Ratings(1, "127.0.0.1"), NoLabels), "ratings");

        var after = Cluster(compiler.Compile(Ratings(2, "127.0.0.1"), NoLabels), "ratings");

        Assert.Same(before.Endpoints[0].State, after.Endpoints[0].State);
    }

    [Fact]
    public void Compile_EndpointRemovedThenAddedBack_StartsWithFreshState()
    {
        var compiler = Compiler(new EndpointStateCache(), new Random(1));
        var first = Cluster(compiler.Compile(Ratings(1, "127.0.0.1", "127.0.0.2"), NoLabels), "ratings");
        first.Endpoints[1].State.OnRequestStarted();
        compiler.Compile(Ratings(2, "127.0.0.1"), NoLabels);

        var third = Cluster(compiler.Compile(Ratings(3, "127.0.0.1", "127.0.0.2"), NoLabels), "ratings");

        Assert.Equal(0, third.Endpoints[1].State.InFlight);
    }

    private static MeshSnapshot Ratings(long generation, params string[] addresses) => new()
    {
        Generation = generation,
        Tables = [Table("ratings", Service("ratings", [.. addresses.Select(a => Workload(a))]))],
    };
}
