namespace OrleansMesh.Gateway.Security.Normalization;

/// <summary>
/// Refuses requests whose framing two HTTP parsers could read differently (request smuggling): both
/// Content-Length and Transfer-Encoding, or a transfer coding other than exactly <c>chunked</c>.
/// Kestrel refuses a final coding other than chunked itself, and given both headers it lets the request through with
/// Content-Length renamed to <c>X-Content-Length</c> (checked over a raw socket), so that name counts as Content-Length here.
/// </summary>
internal sealed class RequestSmugglingMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Request.Headers;
        var codings = headers.TransferEncoding;
        if (codings.Count > 0)
        {
            if (headers.ContentLength is not null || headers.ContainsKey("Content-Length") || headers.ContainsKey("X-Content-Length"))
            {
                return SecurityResponses.BadRequestAsync(context, "ambiguous_framing", "the request has both Content-Length and Transfer-Encoding");
            }

            var parts = string.Join(',', codings.ToArray()).Split(',', StringSplitOptions.TrimEntries);
            if (parts.Length != 1 || !string.Equals(parts[0], "chunked", StringComparison.OrdinalIgnoreCase))
            {
                return SecurityResponses.BadRequestAsync(context, "unsupported_transfer_coding", $"transfer coding '{codings}' is not supported; only chunked is");
            }
        }

        return next(context);
    }
}
