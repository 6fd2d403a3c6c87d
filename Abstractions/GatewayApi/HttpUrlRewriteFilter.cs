namespace OrleansMesh.GatewayApi;

/// <summary>An <c>HTTPURLRewriteFilter</c>.</summary>
[GenerateSerializer, Immutable, Alias("om.HttpUrlRewriteFilter")]
public sealed record HttpUrlRewriteFilter
{
    /// <summary><c>hostname</c>: the Host the backend sees.</summary>
    [Id(0)] public string? Hostname { get; init; }

    /// <summary><c>path</c>.</summary>
    [Id(1)] public HttpPathModifier? Path { get; init; }
}
