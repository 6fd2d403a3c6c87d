using System.Collections.Immutable;

namespace OrleansMesh.Networking;

/// <summary>The Kubernetes-style <c>metadata</c> of a resource.</summary>
[GenerateSerializer, Immutable, Alias("om.ResourceMetadata")]
public sealed record ResourceMetadata
{
    /// <summary>The resource name, unique per kind and namespace.</summary>
    [Id(0)] public string Name { get; init; } = "";

    /// <summary>The namespace. Default: <c>default</c>, as kubectl assumes.</summary>
    [Id(1)] public string Namespace { get; init; } = "default";

    /// <summary>Labels of the resource itself.</summary>
    [Id(2)] public ImmutableDictionary<string, string> Labels { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Annotations of the resource itself.</summary>
    [Id(3)] public ImmutableDictionary<string, string> Annotations { get; init; } = ImmutableDictionary<string, string>.Empty;
}
