
namespace OrleansMesh.Gateway.Telemetry;

/// <summary>
/// Counts the body bytes of a response of unknown length (chunked: a token stream, say) as they are written through,
/// for <c>istio_response_bytes</c> and the access log. Put on only such responses, so a response with a Content-Length
/// costs nothing. Also the request's feature by which <see cref="RequestTelemetry"/> finds the count.
/// </summary>
internal sealed class CountingResponseStream(Stream inner) : WriteThroughStream(inner)
{
    private long _written;

    /// <summary>Bytes written so far.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Counts <paramref name="context"/>'s response body from now on, once per request.</summary>
    public static void Attach(HttpContext context)
    {
        if (context.Features.Get<CountingResponseStream>() is not null)
        {
            return;
        }

        var counter = new CountingResponseStream(context.Response.Body);
        context.Response.Body = counter;
        context.Features.Set(counter);
    }

    protected override void OnWritten(ReadOnlySpan<byte> written) => Interlocked.Add(ref _written, written.Length);
}
