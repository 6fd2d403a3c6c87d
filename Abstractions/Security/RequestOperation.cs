using System.Collections.Immutable;

namespace OrleansMesh.Security;

/// <summary>Istio <c>Operation</c>: what a request asks for. Each set field must match; a <c>not…</c> field must not.</summary>
[GenerateSerializer, Immutable, Alias("om.RequestOperation")]
public sealed record RequestOperation
{
    /// <summary>Hosts (Host header), with <c>*</c> prefix or suffix matching, case-insensitive.</summary>
    [Id(0)] public ImmutableArray<string> Hosts { get; init; } = [];

    /// <summary>Excluded hosts.</summary>
    [Id(1)] public ImmutableArray<string> NotHosts { get; init; } = [];

    /// <summary>Destination ports.</summary>
    [Id(2)] public ImmutableArray<string> Ports { get; init; } = [];

    /// <summary>Excluded destination ports.</summary>
    [Id(3)] public ImmutableArray<string> NotPorts { get; init; } = [];

    /// <summary>HTTP methods.</summary>
    [Id(4)] public ImmutableArray<string> Methods { get; init; } = [];

    /// <summary>Excluded HTTP methods.</summary>
    [Id(5)] public ImmutableArray<string> NotMethods { get; init; } = [];

    /// <summary>Normalised paths, with <c>*</c> prefix or suffix matching.</summary>
    [Id(6)] public ImmutableArray<string> Paths { get; init; } = [];

    /// <summary>Excluded paths.</summary>
    [Id(7)] public ImmutableArray<string> NotPaths { get; init; } = [];
}
