namespace OrleansMesh.Gateway.Framing;

/// <summary>
/// Tells a request body that broke HTTP's framing from one the client merely stopped sending: the first is the
/// client's fault and answered 400 (flag <c>DPE</c>), never counted against the upstream it was being sent to.
/// </summary>
internal static class MalformedBody
{
    /// <summary>The violation behind a failed read of the request body, or null when it was not a framing error.</summary>
    public static FramingViolation? Find(HttpContext context, Exception? exception)
    {
        if (context.Features.Get<HttpFramingFeature>()?.BodyViolation is { } violation)
        {
            return violation;
        }

        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is BadHttpRequestException bad)
            {
                return new FramingViolation(StatusCodes.Status400BadRequest, FramingCodes.InvalidBody, bad.Message, InBody: true, 0);
            }
        }

        return null;
    }
}
