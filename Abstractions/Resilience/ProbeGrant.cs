namespace OrleansMesh.Resilience;

/// <summary>Half-open probe permits granted to one gateway, with the state they were granted in.</summary>
[GenerateSerializer, Immutable, Alias("om.ProbeGrant")]
public sealed record ProbeGrant
{
    /// <summary>Permits granted, possibly fewer than asked or none.</summary>
    [Id(0)] public int Granted { get; init; }

    /// <summary>The destination's state after the grant.</summary>
    [Id(1)] public DestinationHealth Health { get; init; } = new();
}
