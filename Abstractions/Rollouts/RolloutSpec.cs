namespace OrleansMesh.Rollouts;

/// <summary>A Rollout's <c>spec</c>: which host's subsets change places, and how the change is judged.</summary>
[GenerateSerializer, Immutable, Alias("om.RolloutSpec")]
public sealed record RolloutSpec
{
    /// <summary>
    /// The destination host (as VirtualService routes name it): every HTTP route with a destination of this host and
    /// subset <see cref="Stable"/> or <see cref="Canary"/> is driven by the Rollout.
    /// </summary>
    [Id(0)] public string Host { get; init; } = "";

    /// <summary>The subset serving users today (a DestinationRule subset of <see cref="Host"/>).</summary>
    [Id(1)] public string Stable { get; init; } = "";

    /// <summary>The subset being released.</summary>
    [Id(2)] public string Canary { get; init; } = "";

    /// <summary>How the canary is judged and stepped.</summary>
    [Id(3)] public RolloutAnalysis Analysis { get; init; } = new();
}
