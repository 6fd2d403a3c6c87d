namespace OrleansMesh.GatewayApi;

/// <summary>An <c>HTTPRequestMirrorFilter</c>: copies of requests to another backend.</summary>
[GenerateSerializer, Immutable, Alias("om.HttpRequestMirrorFilter")]
public sealed record HttpRequestMirrorFilter
{
    /// <summary><c>backendRef</c>.</summary>
    [Id(0)] public HttpBackendRef BackendRef { get; init; } = new();

    /// <summary><c>percent</c>, 0 to 100; unset (and no <see cref="Fraction"/>): every request.</summary>
    [Id(1)] public int? Percent { get; init; }

    /// <summary><c>fraction</c>.</summary>
    [Id(2)] public MirrorFraction? Fraction { get; init; }
}
