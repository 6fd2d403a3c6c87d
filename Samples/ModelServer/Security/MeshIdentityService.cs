using OrleansMesh.Security.Identity;

namespace OrleansMesh.Samples.ModelServer.Security;

/// <summary>
/// Obtains the server's certificate from the mesh CA in the background, retrying until the cluster answers, as the
/// gateway's identity service does; renewal at half life and revocation polling then run inside <see cref="WorkloadIdentity"/>.
/// </summary>
internal sealed partial class MeshIdentityService(
    WorkloadServerIdentity identity,
    IGrainFactory grains,
    WorkloadIdentityOptions options,
    TimeProvider time,
    ILogger<MeshIdentityService> logger) : BackgroundService
{
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (identity.Workload is { } workload)
        {
            await workload.DisposeAsync();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var workload = new WorkloadIdentity(grains, options, time);
        workload.Renewed += issued => LogRenewed(logger, issued.Identity.ToString(), issued.SerialNumber, issued.NotAfter);
        if (await workload.StartWhenReachableAsync(ex => LogStartFailed(logger, ex), stoppingToken))
        {
            identity.Workload = workload;
        }
        else
        {
            await workload.DisposeAsync();
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Mesh certificate for {SpiffeId}: serial {Serial}, valid until {NotAfter}")]
    private static partial void LogRenewed(ILogger logger, string spiffeId, string serial, DateTimeOffset notAfter);

    [LoggerMessage(2, LogLevel.Warning, "Could not get a mesh certificate yet; mesh TLS clients are refused until then")]
    private static partial void LogStartFailed(ILogger logger, Exception exception);
}
