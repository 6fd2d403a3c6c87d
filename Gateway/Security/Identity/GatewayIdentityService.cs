using Microsoft.Extensions.Options;
using OrleansMesh.Gateway.Model;
using OrleansMesh.Security.Identity;

namespace OrleansMesh.Gateway.Security.Identity;

/// <summary>
/// Obtains the gateway's certificate from the mesh CA in the background (the gateway serves plain-text routes
/// meanwhile), retrying until it succeeds; renewal and revocation polling then run inside <see cref="WorkloadIdentity"/>.
/// </summary>
internal sealed partial class GatewayIdentityService(
    GatewayIdentity identity,
    IGrainFactory grains,
    IOptions<GatewayIdentityOptions> options,
    TimeProvider time,
    ILogger<GatewayIdentityService> logger) : BackgroundService
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
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        var workload = new WorkloadIdentity(grains, new WorkloadIdentityOptions
        {
            Namespace = settings.Namespace ?? MeshGatewayOptions.DefaultNamespace,
            ServiceAccount = settings.ServiceAccount,
            Ttl = settings.Ttl,
            RevocationPollInterval = settings.RevocationPollInterval,
            JoinToken = settings.JoinToken,
            JoinTokenFile = settings.JoinTokenFile,
        }, time);
        workload.Renewed += issued => LogRenewed(logger, issued.Identity.ToString(), issued.SerialNumber, issued.NotAfter);
        if (await workload.StartWhenReachableAsync(Failed, stoppingToken))
        {
            identity.LastFailure = null;
            identity.Workload = workload;
        }
        else
        {
            await workload.DisposeAsync();
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Mesh certificate for {SpiffeId}: serial {Serial}, valid until {NotAfter}")]
    private static partial void LogRenewed(ILogger logger, string spiffeId, string serial, DateTimeOffset notAfter);

    private void Failed(Exception exception)
    {
        identity.LastFailure = exception.Message;
        LogStartFailed(logger, exception);
    }

    // The CA's refusal says what is missing (e.g. a join token and how to create one); it is in the exception's message.
    [LoggerMessage(2, LogLevel.Warning, "Could not get a mesh certificate yet; ISTIO_MUTUAL endpoints are unreachable until then")]
    private static partial void LogStartFailed(ILogger logger, Exception exception);
}
