namespace OrleansMesh.Networking;

/// <summary>A config resource of one of the <see cref="ResourceKind"/>s.</summary>
[GenerateSerializer, Immutable, Alias("om.MeshResource")]
public abstract record MeshResource
{
    /// <summary>The <c>apiVersion</c> the resource was written with, e.g. <c>networking.istio.io/v1</c>.</summary>
    [Id(0)] public string ApiVersion { get; init; } = "networking.istio.io/v1";

    /// <summary>The resource's <c>metadata</c>.</summary>
    [Id(1)] public ResourceMetadata Metadata { get; init; } = new();

    /// <summary>The resource's kind.</summary>
    public abstract ResourceKind Kind { get; }

    /// <summary>The resource's identity.</summary>
    public ResourceId Id => new(Kind, Metadata.Namespace, Metadata.Name);
}
