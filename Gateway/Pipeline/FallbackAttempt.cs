using OrleansMesh.Gateway.LoadBalancing;
using OrleansMesh.Gateway.Model;
using OrleansMesh.Gateway.Routing;

namespace OrleansMesh.Gateway.Pipeline;

/// <summary>
/// One destination's turn in a request with a fallback: a failure the route falls back on is not written to the client
/// (the mesh's refusal is held back, the upstream's 5xx not copied), so the next destination can still answer. The
/// last destination's turn holds nothing back.
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

    /// <summary>Whether to hold back the mesh's refusal of kind <paramref name="kind"/>; records that it did.</summary>
    public bool HoldsBack(RejectionKind kind, UpstreamOutcome outcome) => FellThrough = CanFallBack && body.CanReplay && route.FallsBackOn(kind, outcome);

    /// <summary>Whether to hold back an upstream answer with <paramref name="statusCode"/>; records that it did.</summary>
    public bool HoldsBack(int statusCode) => FellThrough = CanFallBack && body.CanReplay && route.FallsBackOn(statusCode);
}
