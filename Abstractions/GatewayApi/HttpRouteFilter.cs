namespace OrleansMesh.GatewayApi;

/// <summary>An <c>HTTPRouteFilter</c>: <see cref="Type"/> names which one of the others is set.</summary>
[GenerateSerializer, Immutable, Alias("om.HttpRouteFilter")]
public sealed record HttpRouteFilter
{
    /// <summary><c>RequestHeaderModifier</c>, <c>ResponseHeaderModifier</c>, <c>URLRewrite</c>, <c>RequestRedirect</c> or <c>RequestMirror</c>.</summary>
    [Id(0)] public string Type { get; init; } = "";

    /// <summary><c>requestHeaderModifier</c>.</summary>
    [Id(1)] public HttpHeaderFilter? RequestHeaderModifier { get; init; }

    /// <summary><c>responseHeaderModifier</c>.</summary>
    [Id(2)] public HttpHeaderFilter? ResponseHeaderModifier { get; init; }

    /// <summary><c>urlRewrite</c>.</summary>
    [Id(3)] public HttpUrlRewriteFilter? UrlRewrite { get; init; }

    /// <summary><c>requestRedirect</c>.</summary>
    [Id(4)] public HttpRequestRedirectFilter? RequestRedirect { get; init; }

    /// <summary><c>requestMirror</c>.</summary>
    [Id(5)] public HttpRequestMirrorFilter? RequestMirror { get; init; }
}
