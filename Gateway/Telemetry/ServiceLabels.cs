using System.Collections.Concurrent;

namespace OrleansMesh.Gateway.Telemetry;

/// <summary>
/// Istio's <c>destination_service_name</c> and <c>destination_service_namespace</c> of a host
/// (<c>reviews.default.svc.cluster.local</c> → <c>reviews</c>, <c>default</c>), split once per host.
/// </summary>
internal sealed class ServiceLabels
{
    // Hosts come from config, so the cache stays small; the bound only guards against a caller passing raw Host headers.
    private const int MaxHosts = 4096;

    private readonly ConcurrentDictionary<string, (string Name, string Namespace)> _hosts = new(StringComparer.Ordinal);

    public (string Name, string Namespace) Of(string host)
    {
        if (_hosts.TryGetValue(host, out var labels))
        {
            return labels;
        }

        labels = Split(host);
        if (_hosts.Count < MaxHosts)
        {
            _hosts.TryAdd(host, labels);
        }

        return labels;
    }

    /// <summary>A Kubernetes service name has its namespace second; any other host (a ServiceEntry's) is its own name.</summary>
    public static (string Name, string Namespace) Split(string host)
    {
        var parts = host.Split('.');
        return parts.Length >= 2 && (parts.Length == 2 || parts[2] == "svc")
            ? (parts[0], parts[1])
            : (host, MeshMetricNames.Unknown);
    }
}
