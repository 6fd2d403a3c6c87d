using Orleans.Configuration;

namespace OrleansMesh.Silo.Membership;

/// <summary>Wires <see cref="RefusedPeerDetector"/> into a silo; it does nothing when <c>OrleansMesh:RefusalDetection</c> is off.</summary>
internal static class RefusedPeerDetectionExtensions
{
    public static ISiloBuilder AddRefusedPeerDetection(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddSingleton<OutboundConnectionTracker>();
        silo.Services.AddOptions<SiloConnectionOptions>()
            .Configure<OutboundConnectionTracker>((options, tracker) => options.ConfigureSiloOutboundConnection(builder => builder.Use(tracker.Track)));
        silo.Services.AddSingleton<RefusedPeerDetector>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<RefusedPeerDetector>());
        return silo;
    }
}
