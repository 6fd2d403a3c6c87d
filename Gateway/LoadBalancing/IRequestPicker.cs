namespace OrleansMesh.Gateway.LoadBalancing;

/// <summary>
/// A policy that looks at the request to pick (the InferencePool endpoint picker): it replaces the cluster's simple
/// policy. It must never block and never call out; what it knows of the endpoints it holds already.
/// </summary>
internal interface IRequestPicker
{
    /// <summary>
    /// An endpoint for the request, not in <paramref name="tried"/> when another is usable, never one ejected at
    /// <paramref name="now"/> (0: none is); null when no endpoint is usable.
    /// </summary>
    UpstreamEndpoint? Pick(HttpContext context, UpstreamEndpoint[] endpoints, ReadOnlySpan<UpstreamEndpoint> tried, long now);
}
