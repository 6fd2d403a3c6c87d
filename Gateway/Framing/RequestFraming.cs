using OrleansMesh.Gateway.Model;

namespace OrleansMesh.Gateway.Framing;

/// <summary>
/// The request path's first step (Envoy's codec checks): a request whose body already broke the framing check is refused
/// here, before anything is sent upstream (the bad chunk arrived with the head); and, for connections the
/// connection-level check does not cover (HTTP/2, or <see cref="RequestFramingOptions.Strict"/> off), requests whose
/// framing two HTTP parsers could read differently (request smuggling) are refused: both Content-Length and
/// Transfer-Encoding, or a transfer coding other than exactly <c>chunked</c>. Given both headers, Kestrel lets the
/// request through with Content-Length renamed to <c>X-Content-Length</c> (checked over a raw socket), so that name
/// counts as Content-Length here.
/// </summary>
internal static class RequestFraming
{
    /// <summary>Null when the request may go on.</summary>
    public static Rejection? Check(HttpContext context)
    {
        if (context.Features.Get<HttpFramingFeature>()?.StartRequest() is { } violation)
        {
            return FramingAnswer.Reject(violation);
        }

        var headers = context.Request.Headers;
        var codings = headers.TransferEncoding;
        if (codings.Count > 0)
        {
            if (headers.ContentLength is not null || headers.ContainsKey("Content-Length") || headers.ContainsKey("X-Content-Length"))
            {
                return FramingAnswer.Reject(new FramingViolation(StatusCodes.Status400BadRequest, FramingCodes.AmbiguousFraming, FramingCodes.BothLengthAndCodingMessage, InBody: false, 0));
            }

            var parts = string.Join(',', codings.ToArray()).Split(',', StringSplitOptions.TrimEntries);
            if (parts.Length != 1 || !string.Equals(parts[0], "chunked", StringComparison.OrdinalIgnoreCase))
            {
                return FramingAnswer.Reject(new FramingViolation(StatusCodes.Status400BadRequest, FramingCodes.UnsupportedTransferCoding, FramingCodes.OnlyChunkedMessage, InBody: false, 0));
            }
        }

        return null;
    }
}
