using System.Collections.Immutable;

namespace OrleansMesh.Networking;

/// <summary>Istio <c>HTTPMatchRequest</c>: every field that is set must match (AND).</summary>
[GenerateSerializer, Immutable, Alias("om.HttpMatchRequest")]
public sealed record HttpMatchRequest
{
    /// <summary>Optional name, appended to the route name in logs.</summary>
    [Id(0)] public string? Name { get; init; }

    /// <summary>Match on the path (without the query string).</summary>
    [Id(1)] public StringMatch? Uri { get; init; }

    /// <summary>Match on the scheme.</summary>
    [Id(2)] public StringMatch? Scheme { get; init; }

    /// <summary>Match on the method.</summary>
    [Id(3)] public StringMatch? Method { get; init; }

    /// <summary>Match on the authority (Host) header.</summary>
    [Id(4)] public StringMatch? Authority { get; init; }

    /// <summary>Header matches; names are case-insensitive.</summary>
    [Id(5)] public ImmutableDictionary<string, StringMatch> Headers { get; init; } = ImmutableDictionary<string, StringMatch>.Empty;

    /// <summary>Match on the port the request arrived on.</summary>
    [Id(6)] public uint? Port { get; init; }

    /// <summary>Labels of the calling workload. Stored; applies to sidecars, not to a gateway.</summary>
    [Id(7)] public ImmutableDictionary<string, string> SourceLabels { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Gateways this condition applies to; overrides the VirtualService's list.</summary>
    [Id(8)] public ImmutableArray<string> Gateways { get; init; } = [];

    /// <summary>Query parameter matches.</summary>
    [Id(9)] public ImmutableDictionary<string, StringMatch> QueryParams { get; init; } = ImmutableDictionary<string, StringMatch>.Empty;

    /// <summary>Compare <see cref="Uri"/> case-insensitively (exact and prefix only, as Istio).</summary>
    [Id(10)] public bool IgnoreUriCase { get; init; }

    /// <summary>Headers that must be absent, or present without matching.</summary>
    [Id(11)] public ImmutableDictionary<string, StringMatch> WithoutHeaders { get; init; } = ImmutableDictionary<string, StringMatch>.Empty;

    /// <summary>Namespace of the calling workload. Stored; applies to sidecars.</summary>
    [Id(12)] public string? SourceNamespace { get; init; }

    /// <summary>Stat prefix for this match. Stored.</summary>
    [Id(13)] public string? StatPrefix { get; init; }
}
