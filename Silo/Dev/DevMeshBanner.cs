namespace OrleansMesh.Silo.Dev;

/// <summary>Prints the dev mesh's listeners once the host has started (the silo active, every listener bound).</summary>
internal sealed class DevMeshBanner(DevMeshListeners listeners, IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(started.SetResult))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        await Console.Out.WriteLineAsync(DemoBanner.Listeners(listeners));
    }
}
