using OrleansMesh.Gateway.LoadBalancing;

namespace OrleansMesh.Gateway.Resilience;

/// <summary>
/// One destination's turn in a request with a fallback, kept in <see cref="HttpContext.Features"/> while it runs:
/// a failure the route falls back on is not written to the client (the mesh's error is held back, the upstream's
/// 5xx not copied), so the next destination can still answer. The last destination's turn holds nothing back.
/// </summary>
internal sealed class FallbackAttempt(FallbackRoute route, RequestBodyReplay body)
{
    /// <summary>Whether this turn may hold a failure back (a later destination exists).</summary>
    public bool CanFallBack { get; private set; }

    /// <summary>The fallback destination whose turn it is, or null for the route's own choice.</summary>
    public UpstreamCluster? Fallback { get; private set; }

    /// <summary>A failure was held back: the client has been told nothing yet.</summary>
    public bool FellThrough { get; private set; }

    public void Begin(UpstreamCluster? fallback, bool canFallBack)
    {
        Fallback = fallback;
        CanFallBack = canFallBack;
        FellThrough = false;
    }

    /// <summary>Whether to hold back the mesh's own error <paramref name="code"/>; records that it did.</summary>
    public bool HoldsBack(string code, UpstreamOutcome outcome) => FellThrough = CanFallBack && body.CanReplay && route.FallsBackOn(code, outcome);

    /// <summary>Whether to hold back an upstream answer with <paramref name="statusCode"/>; records that it did.</summary>
    public bool HoldsBack(int statusCode) => FellThrough = CanFallBack && body.CanReplay && route.FallsBackOn(statusCode);

    /// <summary>The response gate for this turn's attempts, wrapping the destination's transformer.</summary>
    public static Yarp.ReverseProxy.Forwarder.HttpTransformer Wrap(HttpContext context, Yarp.ReverseProxy.Forwarder.HttpTransformer inner) =>
        context.Features.Get<FallbackAttempt>() is { } attempt ? new FallbackResponseGate(attempt, inner) : inner;

    /// <summary>Whether the mesh's own error may be written, or is held back for the next destination.</summary>
    public static bool Writes(HttpContext context, string code, UpstreamOutcome outcome) =>
        context.Features.Get<FallbackAttempt>() is not { } attempt || !attempt.HoldsBack(code, outcome);
}
