namespace OrleansMesh.Resilience;

/// <summary>Tokens granted to one gateway.</summary>
[GenerateSerializer, Immutable, Alias("om.TokenLease")]
public sealed record TokenLease
{
    /// <summary>Tokens granted, possibly fewer than wanted or none.</summary>
    [Id(0)] public int Granted { get; init; }

    /// <summary>When none are left: how long until the next token (the <c>Retry-After</c> of rejected requests).</summary>
    [Id(1)] public TimeSpan RetryAfter { get; init; }
}
