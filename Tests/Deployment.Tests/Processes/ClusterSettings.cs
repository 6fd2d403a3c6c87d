using OrleansMesh.Hosting;

namespace OrleansMesh.Deployment.Tests.Processes;

/// <summary>The <c>OrleansMesh__*</c> settings every silo, gateway and client of one Redis-clustered mesh shares.</summary>
internal sealed record ClusterSettings(string Redis, string ClusterId, string ServiceId)
{
    /// <summary>A cluster of its own in <paramref name="redis"/>: fresh ids, so its membership and state are its own.</summary>
    public static ClusterSettings NewCluster(string redis)
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        return new ClusterSettings(redis, $"cluster-{id}", $"service-{id}");
    }

    public Dictionary<string, string> Environment() => new()
    {
        ["OrleansMesh__Clustering"] = MeshClusterOptions.RedisClustering,
        ["OrleansMesh__Redis"] = Redis,
        ["OrleansMesh__ClusterId"] = ClusterId,
        ["OrleansMesh__ServiceId"] = ServiceId,
    };

    public MeshClusterOptions Options() => new()
    {
        Clustering = MeshClusterOptions.RedisClustering,
        Redis = Redis,
        ClusterId = ClusterId,
        ServiceId = ServiceId,
    };
}
