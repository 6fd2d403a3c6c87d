using OrleansMesh.ControlPlane;
using OrleansMesh.Samples.ModelServer.Hosting;
using OrleansMesh.Security;

namespace OrleansMesh.Samples.ModelServer.Security;

/// <summary>
/// Reads the mesh's PeerAuthentications from the config grain every <see cref="ModelServerOptions.PeerAuthenticationPollInterval"/>
/// and resolves this server's mode (namespace <see cref="ModelServerOptions.Namespace"/>, labels <c>app</c> = model name
/// and <c>version</c> = model version). Polling rather than subscribing as gateways do: one small call every few seconds
/// needs no observer, renewal or gap handling, and a change still reaches new connections within one interval. Each read
/// is bounded; a failed or slow read keeps the mode in force.
/// </summary>
internal sealed partial class PeerAuthenticationPoller(
    MeshPeerAuthentication state,
    IGrainFactory grains,
    ModelServerOptions options,
    TimeProvider time,
    ILogger<PeerAuthenticationPoller> logger) : BackgroundService
{
    private readonly Dictionary<string, string> _labels = new(StringComparer.Ordinal)
    {
        ["app"] = options.Name,
        ["version"] = options.Version,
    };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var config = grains.GetGrain<IMeshConfigGrain>(IMeshConfigGrain.DefaultKey);
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var snapshot = await config.GetSnapshotAsync().WaitAsync(ModelServerDefaults.PeerAuthenticationReadTimeout, time, stoppingToken);
                state.Update(PeerAuthenticationResolver.Resolve(snapshot.PeerAuthentications, options.Namespace, _labels));
                if (failing)
                {
                    LogReadRecovered(logger, snapshot.Generation);
                    failing = false;
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Once per outage: a silo restart must not fill the log every interval.
                if (!failing)
                {
                    LogReadFailed(logger, state.Current.ToString(), ex);
                    failing = true;
                }
            }

            await Task.Delay(options.PeerAuthenticationPollInterval, time, stoppingToken);
        }
    }
}
