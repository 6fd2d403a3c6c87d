using OrleansMesh.Networking;

namespace OrleansMesh.Rollouts;

/// <summary>
/// OrleansMesh's <c>Rollout</c> (<c>orleansmesh.io/v1alpha1</c>): a canary or A/B release of one host's subsets that the
/// mesh drives itself, modelled on Flagger's Canary analysis.
/// </summary>
[GenerateSerializer, Immutable, Alias("om.Rollout")]
public sealed record Rollout : MeshResource
{
    /// <summary>The API version Rollouts are served by.</summary>
    public const string Version = "orleansmesh.io/v1alpha1";

    /// <summary>A Rollout, written with <see cref="Version"/>.</summary>
    public Rollout() => ApiVersion = Version;

    /// <inheritdoc />
    public override ResourceKind Kind => ResourceKind.Rollout;

    /// <summary>The <c>spec</c>.</summary>
    [Id(0)] public RolloutSpec Spec { get; init; } = new();
}
