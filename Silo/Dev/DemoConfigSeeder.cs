using OrleansMesh.Configuration;
using OrleansMesh.ControlPlane;

namespace OrleansMesh.Silo.Dev;

/// <summary>Applies the demo config through the control plane once the silo is up, then says what to curl.</summary>
internal sealed partial class DemoConfigSeeder(IGrainFactory grains, DevMeshListeners listeners, IHostApplicationLifetime lifetime, ILogger<DemoConfigSeeder> logger) : BackgroundService
{
    public const string ResourceName = "mesh-demo.yaml";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Grain calls need a running silo: wait until the host has started everything.
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(started.SetResult))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        var loaded = MeshConfigLoader.Load(ReadDemoConfig(), $"Samples/Demo/{ResourceName}");
        if (loaded.HasErrors)
        {
            LogDemoRefused(string.Join(Environment.NewLine, loaded.Diagnostics));
            return;
        }

        var result = await grains.GetGrain<IMeshConfigGrain>(IMeshConfigGrain.DefaultKey).ApplyAsync(new ApplyRequest { Resources = loaded.Resources });
        if (!result.Succeeded)
        {
            LogDemoRefused(string.Join(Environment.NewLine, result.Diagnostics));
            return;
        }

        LogDemoApplied(result.Changes.Length, result.Generation);
        await Console.Out.WriteLineAsync(DemoBanner.Demo(listeners));
    }

    private static string ReadDemoConfig()
    {
        using var stream = typeof(DemoConfigSeeder).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The Silo assembly lacks the embedded resource {ResourceName}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo config applied: {Count} resources, mesh generation {Generation}")]
    private partial void LogDemoApplied(int count, long generation);

    [LoggerMessage(Level = LogLevel.Error, Message = "The demo config was refused:\n{Diagnostics}")]
    private partial void LogDemoRefused(string diagnostics);
}
