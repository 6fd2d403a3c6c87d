using System.Collections.Immutable;
using OrleansMesh.Resilience;

namespace OrleansMesh.Networking;

/// <summary>Istio <c>HTTPRoute</c>: match conditions and what to do with a matching request.</summary>
[GenerateSerializer, Immutable, Alias("om.HttpRoute")]
public sealed record HttpRoute
{
    /// <summary>Optional route name, used in logs and metrics.</summary>
    [Id(0)] public string? Name { get; init; }

    /// <summary>Conditions, OR-ed; empty matches every request.</summary>
    [Id(1)] public ImmutableArray<HttpMatchRequest> Match { get; init; } = [];

    /// <summary>Weighted destinations.</summary>
    [Id(2)] public ImmutableArray<HttpRouteDestination> Route { get; init; } = [];

    /// <summary>Answer with a redirect instead of forwarding.</summary>
    [Id(3)] public HttpRedirect? Redirect { get; init; }

    /// <summary>Answer with a fixed response instead of forwarding.</summary>
    [Id(4)] public HttpDirectResponse? DirectResponse { get; init; }

    /// <summary>Rewrite the path or authority before forwarding.</summary>
    [Id(5)] public HttpRewrite? Rewrite { get; init; }

    /// <summary>Total time allowed for the request, retries included. Default: none.</summary>
    [Id(6)] public TimeSpan? Timeout { get; init; }

    /// <summary>Retry policy.</summary>
    [Id(7)] public HttpRetry? Retries { get; init; }

    /// <summary>Fault injection.</summary>
    [Id(8)] public HttpFaultInjection? Fault { get; init; }

    /// <summary>Single mirror destination (shadow traffic).</summary>
    [Id(9)] public Destination? Mirror { get; init; }

    /// <summary>Share of requests mirrored to <see cref="Mirror"/>. Default: 100 %.</summary>
    [Id(10)] public Percent? MirrorPercentage { get; init; }

    /// <summary>Several mirror destinations.</summary>
    [Id(11)] public ImmutableArray<HttpMirrorPolicy> Mirrors { get; init; } = [];

    /// <summary>CORS policy.</summary>
    [Id(12)] public CorsPolicy? CorsPolicy { get; init; }

    /// <summary>Header manipulation for every destination of this route.</summary>
    [Id(13)] public HeaderOperations? Headers { get; init; }

    /// <summary>OrleansMesh's additions (<c>x-orleansmesh</c>): the route's rate limits.</summary>
    [Id(14)] public MeshRoutePolicy? Mesh { get; init; }

    /// <summary>
    /// Continue matching in another VirtualService's rules (a root route of Istio's delegation); such a route has no
    /// <see cref="Route"/> or <see cref="Redirect"/> of its own. The control plane replaces it with the merged rules
    /// before any gateway sees it.
    /// </summary>
    [Id(15)] public VirtualServiceDelegate? Delegate { get; init; }
}
