using Microsoft.AspNetCore.Http.Features;

namespace OrleansMesh.Gateway.Pipeline;

/// <summary>
/// Whether a request body can be sent again. A body already in memory (seekable) is rewound for a retry; a body of
/// known length up to the buffer limit is buffered as it is first sent and rewound; a larger or chunked body is streamed once, so a retry is possible only while
/// no attempt has read from it (a connect failure). A request without a body can always be retried.
/// </summary>
internal sealed class RequestBodyReplay
{
    private static readonly RequestBodyReplay s_noBody = new(null, null);

    private readonly HttpRequest? _buffered;
    private readonly ReadObservingStream? _streamed;

    private RequestBodyReplay(HttpRequest? buffered, ReadObservingStream? streamed)
    {
        _buffered = buffered;
        _streamed = streamed;
    }

    public bool CanReplay => _streamed is null || !_streamed.HasBeenRead;

    /// <summary>Makes the body of <paramref name="request"/> replayable where it can be; call before the first attempt.</summary>
    public static RequestBodyReplay Prepare(HttpRequest request, int bufferLimit)
    {
        ArgumentNullException.ThrowIfNull(request);
        var canHaveBody = request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody
            ?? (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0);
        if (!canHaveBody || request.ContentLength == 0)
        {
            return s_noBody;
        }

        // Already held in memory (a model request's body, read before routing): rewinding is all a retry needs.
        if (request.Body.CanSeek)
        {
            return new RequestBodyReplay(request, null);
        }

        if (request.ContentLength is { } length && length <= bufferLimit)
        {
            // Threshold = limit: the buffer stays in (pooled) memory, never a temp file.
            request.EnableBuffering(bufferLimit, bufferLimit);
            return new RequestBodyReplay(request, null);
        }

        var observed = new ReadObservingStream(request.Body);
        request.Body = observed;
        return new RequestBodyReplay(null, observed);
    }

    /// <summary>Before a retry: back to the start of a buffered body.</summary>
    public void Rewind()
    {
        if (_buffered is not null)
        {
            _buffered.Body.Position = 0;
        }
    }
}
