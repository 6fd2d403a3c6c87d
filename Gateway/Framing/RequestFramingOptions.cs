namespace OrleansMesh.Gateway.Framing;

/// <summary>
/// The HTTP/1.x framing check on the gateway's connections (<c>OrleansMesh:Gateway:Framing</c>).
/// </summary>
internal sealed class RequestFramingOptions
{
    public const string SectionName = "OrleansMesh:Gateway:Framing";

    /// <summary>
    /// Checks every HTTP/1.x request's head and body framing against RFC 9112 before Kestrel parses it, and refuses
    /// with 400 (flag <c>DPE</c>) what Kestrel would accept but another parser could read differently: a signed or
    /// listed Content-Length, a lower-case protocol name, control characters in field names, bare LF line ends,
    /// malformed chunks. Default true; turn it off only for clients that cannot send CRLF line ends.
    /// </summary>
    public bool Strict { get; set; } = true;
}
