using OrleansMesh.Networking;

namespace OrleansMesh.ControlPlane;

/// <summary>One resource's outcome of an apply or delete.</summary>
[GenerateSerializer, Immutable, Alias("om.ResourceChange")]
public sealed record ResourceChange
{
    /// <summary>The resource.</summary>
    [Id(0)] public ResourceId Resource { get; init; }

    /// <summary>What happened to it (or would have, in a dry run).</summary>
    [Id(1)] public ChangeAction Action { get; init; }
}
