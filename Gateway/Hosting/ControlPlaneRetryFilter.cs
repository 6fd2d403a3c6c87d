using Microsoft.Extensions.Options;
using OrleansMesh.Gateway.ControlPlane;
using OrleansMesh.Gateway.Model;
using OrleansMesh.Hosting;

namespace OrleansMesh.Gateway.Hosting;

/// <summary>
/// Keeps a starting gateway trying to reach the cluster, with capped exponential backoff, and says so in the log:
/// a gateway may well start before the silos do.
/// </summary>
internal sealed partial class ControlPlaneRetryFilter(IOptions<MeshGatewayOptions> options, IOptions<MeshClusterOptions> cluster, TimeProvider time, ILogger<ControlPlaneRetryFilter> logger) : IClientConnectionRetryFilter
{
    private readonly RetryBackoff _backoff = new(options.Value.MaxRetryDelay);
    private int _attempt;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        _attempt++;
        var delay = _backoff.Next();
        LogRetrying(exception, cluster.Value.DescribeClusterLocation(), _attempt, delay);
        await Task.Delay(delay, time, cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot reach the mesh control plane at {Cluster} (attempt {Attempt}); retrying in {Delay}")]
    private partial void LogRetrying(Exception exception, string cluster, int attempt, TimeSpan delay);
}
