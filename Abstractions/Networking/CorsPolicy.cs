using System.Collections.Immutable;

namespace OrleansMesh.Networking;

/// <summary>Istio <c>CorsPolicy</c>.</summary>
[GenerateSerializer, Immutable, Alias("om.CorsPolicy")]
public sealed record CorsPolicy
{
    /// <summary>Allowed origins.</summary>
    [Id(0)] public ImmutableArray<StringMatch> AllowOrigins { get; init; } = [];

    /// <summary>Allowed methods.</summary>
    [Id(1)] public ImmutableArray<string> AllowMethods { get; init; } = [];

    /// <summary>Allowed request headers.</summary>
    [Id(2)] public ImmutableArray<string> AllowHeaders { get; init; } = [];

    /// <summary>Response headers the browser may read.</summary>
    [Id(3)] public ImmutableArray<string> ExposeHeaders { get; init; } = [];

    /// <summary>How long a preflight may be cached.</summary>
    [Id(4)] public TimeSpan? MaxAge { get; init; }

    /// <summary>Whether credentials are allowed.</summary>
    [Id(5)] public bool? AllowCredentials { get; init; }

    /// <summary><c>FORWARD_TO_UPSTREAM</c> or <c>IGNORE</c>.</summary>
    [Id(6)] public string? UnmatchedPreflights { get; init; }
}
