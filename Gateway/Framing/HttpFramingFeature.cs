namespace OrleansMesh.Gateway.Framing;

/// <summary>
/// A connection feature: what the framing check found on this connection, for the requests Kestrel parses from it.
/// HTTP/1.x requests on one connection are served one after another, so counting them tells which one a violation
/// belongs to.
/// </summary>
internal sealed class HttpFramingFeature(Http1RequestFraming framing)
{
    private int _requests;

    /// <summary>Counts a request starting on the connection; returns its body's violation when already found.</summary>
    public FramingViolation? StartRequest()
    {
        _requests++;
        return BodyViolation;
    }

    /// <summary>The violation found in the body of the request being served, if any.</summary>
    public FramingViolation? BodyViolation => framing.Violation is { InBody: true } violation && violation.Request == _requests ? violation : null;
}
