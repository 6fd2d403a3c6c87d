using System.Text.Json;
using OrleansMesh.Deployment.Tests.Processes;
using StackExchange.Redis;

namespace OrleansMesh.Deployment.Tests.Failover;

/// <summary>
/// Reads the cluster's membership table straight from Redis (Orleans' Redis clustering: one hash
/// <c>{ServiceId}/members/{ClusterId}</c>, a JSON entry per silo), so the test sees a death declaration without
/// asking a silo, which may be the one paused or killed.
/// </summary>
internal sealed class MembershipTable(IConnectionMultiplexer redis, ClusterSettings cluster)
{
    private readonly RedisKey _key = $"{cluster.ServiceId}/members/{cluster.ClusterId}";

    /// <summary>The status of every entry whose silo listens on <paramref name="siloPort"/>, newest generation last.</summary>
    public async Task<IReadOnlyList<SiloStatus>> StatusesAsync(int siloPort)
    {
        var entries = await redis.GetDatabase().HashGetAllAsync(_key);
        return [.. entries
            .Where(e => e.Name.ToString().Contains($":{siloPort}:", StringComparison.Ordinal))
            .OrderBy(e => e.Name.ToString(), StringComparer.Ordinal)
            .Select(e => Status(e.Value.ToString()))];
    }

    public async Task<bool> IsDeadAsync(int siloPort) => (await StatusesAsync(siloPort)) is [.., SiloStatus.Dead];

    private static SiloStatus Status(string json)
    {
        using var document = JsonDocument.Parse(json);
        var status = document.RootElement.GetProperty("Status");
        return status.ValueKind == JsonValueKind.Number
            ? (SiloStatus)status.GetInt32()
            : Enum.Parse<SiloStatus>(status.GetString()!);
    }
}
