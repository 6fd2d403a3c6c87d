using OrleansMesh.Gateway.Model;

namespace OrleansMesh.Gateway.LoadBalancing;

/// <summary>
/// A policy that looks at the request to pick (the InferencePool endpoint picker): it replaces the cluster's simple
/// policy. Picking never blocks and never calls out; what it knows of the endpoints it holds already.
/// </summary>
internal interface IRequestPicker
{
    /// <summary>
    /// Flow control before the pick: completes at once (null) unless the whole destination is saturated; then the
    /// request waits its turn by priority, or is shed (the rejection to answer).
    /// </summary>
    ValueTask<Rejection?> AdmitAsync(HttpContext context, bool delayed);

    /// <summary>
    /// An endpoint for the request, not in <paramref name="tried"/> when another is usable, never one ejected at
    /// <paramref name="now"/> (0: none is); null when no endpoint is usable.
    /// </summary>
    UpstreamEndpoint? Pick(HttpContext context, UpstreamEndpoint[] endpoints, ReadOnlySpan<UpstreamEndpoint> tried, long now);
}
