namespace OrleansMesh.ControlPlane;

/// <summary>A gateway subscribed to config pushes, as the control plane last heard from it.</summary>
[GenerateSerializer, Immutable, Alias("om.MeshSubscriber")]
public sealed record MeshSubscriber
{
    /// <summary>The gateway's observer reference, which names it for as long as the gateway process lives.</summary>
    [Id(0)] public string Id { get; init; } = "";

    /// <summary>When it last subscribed or renewed (gateways renew about every 20 s).</summary>
    [Id(1)] public DateTimeOffset LastRenewed { get; init; }

    /// <summary>
    /// The config version the gateway said it served when it last renewed or acknowledged a push, or null for a gateway that subscribes without
    /// saying (<see cref="IMeshConfigGrain.SubscribeAsync(IMeshObserver)"/>).
    /// </summary>
    [Id(2)] public MeshVersion? Served { get; init; }

    /// <summary>When the gateway last acknowledged a pushed snapshot, or null if it has not since it subscribed.</summary>
    [Id(3)] public DateTimeOffset? LastAcknowledged { get; init; }
}
