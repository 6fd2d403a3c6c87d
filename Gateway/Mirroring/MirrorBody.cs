using Microsoft.AspNetCore.Http.Features;

namespace OrleansMesh.Gateway.Mirroring;

/// <summary>
/// The request body a mirror sends: a copy of the client's body, read once and buffered for the primary as retries
/// buffer it (so the primary and a retry read it again from memory). Only a body of known length up to the retry
/// buffer limit is copied; a body already buffered (by retries or model routing) is read from that buffer.
/// </summary>
internal static class MirrorBody
{
    /// <summary>Why a request's body cannot be mirrored; null when it can.</summary>
    public static string? Refusal(HttpRequest request, int bufferLimit)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!HasBody(request))
        {
            return null;
        }

        return request.ContentLength switch
        {
            null => MirrorDropReasons.UnknownLength,
            { } length when length > bufferLimit => MirrorDropReasons.TooLarge,
            _ => null,
        };
    }

    /// <summary>A copy of the body (empty when there is none), the request's body rewound for the primary.</summary>
    /// <remarks>Call only when <see cref="Refusal"/> is null.</remarks>
    public static async ValueTask<byte[]> ReadAsync(HttpRequest request, int bufferLimit, CancellationToken cancellationToken)
    {
        if (!HasBody(request))
        {
            return [];
        }

        var length = (int)request.ContentLength!.Value;

        // Threshold = limit: the buffer stays in (pooled) memory, never a temp file. A no-op when already buffered.
        request.EnableBuffering(bufferLimit, bufferLimit);
        var body = request.Body;
        body.Position = 0;
        var copy = new byte[length];
        var read = 0;
        int count;
        while (read < length && (count = await body.ReadAsync(copy.AsMemory(read), cancellationToken)) > 0)
        {
            read += count;
        }

        body.Position = 0;
        return read == length ? copy : copy[..read];
    }

    private static bool HasBody(HttpRequest request)
    {
        var canHaveBody = request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody
            ?? (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0);
        return canHaveBody && request.ContentLength != 0;
    }
}
