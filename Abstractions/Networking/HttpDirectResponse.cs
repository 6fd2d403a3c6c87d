namespace OrleansMesh.Networking;

/// <summary>Istio <c>HTTPDirectResponse</c>: a fixed answer from the gateway.</summary>
[GenerateSerializer, Immutable, Alias("om.HttpDirectResponse")]
public sealed record HttpDirectResponse
{
    /// <summary>The status code.</summary>
    [Id(0)] public int Status { get; init; }

    /// <summary>The body as text (<c>body.string</c>), if any.</summary>
    [Id(1)] public string? Body { get; init; }
}
