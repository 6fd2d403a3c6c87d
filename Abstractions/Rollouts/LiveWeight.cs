using OrleansMesh.Networking;

namespace OrleansMesh.Rollouts;

/// <summary>
/// The split a Rollout has set on the routes of its host, kept by the config store beside the VirtualServices (which
/// stay as written) and pushed to every gateway with them. See <see cref="LiveWeightOverlay"/> for how it applies.
/// </summary>
[GenerateSerializer, Immutable, Alias("om.LiveWeight")]
public sealed record LiveWeight
{
    /// <summary>The Rollout that set it.</summary>
    [Id(0)] public ResourceId Rollout { get; init; }

    /// <summary>The destination host whose routes it applies to.</summary>
    [Id(1)] public string Host { get; init; } = "";

    /// <summary>The stable subset.</summary>
    [Id(2)] public string Stable { get; init; } = "";

    /// <summary>The canary subset.</summary>
    [Id(3)] public string Canary { get; init; } = "";

    /// <summary>The canary's share (percent) of what the route gives the two subsets; null keeps the route's split as written.</summary>
    [Id(4)] public int? CanaryWeight { get; init; }

    /// <summary>
    /// Whether the pick between the subsets is sticky per user: hashed from the key of the host's DestinationRule
    /// <c>consistentHash</c> (header, cookie, query parameter or source IP) instead of random. Set for A/B tests.
    /// </summary>
    [Id(5)] public bool Sticky { get; init; }

    /// <summary>Whether its Rollout was deleted: the weight stays until a VirtualService routing to the host is applied again.</summary>
    [Id(6)] public bool Orphaned { get; init; }
}
