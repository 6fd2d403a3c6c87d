using Microsoft.Extensions.Options;
using OrleansMesh.Gateway.Framing;
using OrleansMesh.Gateway.Model;

namespace OrleansMesh.Gateway.Inference;

/// <summary>
/// The request path's hook for model-inference traffic. <see cref="PrepareAsync"/> runs before routing: on the three
/// OpenAI-compatible paths it reads the body (bounded), sets <see cref="InferenceHeaders.Model"/> for route matching,
/// puts an <see cref="InferenceRequest"/> in <see cref="HttpContext.Features"/> and observes the response as it streams
/// through; a body that cannot be routed gets OpenAI's 400 (or 413). <see cref="Complete"/> records the GenAI metrics
/// once the response is done. Any other request pays a path check and the removal of a client-sent model header.
/// </summary>
internal sealed partial class InferenceGate
{
    private readonly int _maxBodyBytes;
    private readonly GenAiMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger<InferenceGate> _logger;

    public InferenceGate(IOptions<InferenceOptions> options, GenAiMetrics metrics, TimeProvider time, ILogger<InferenceGate> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _maxBodyBytes = options.Value.MaxBodyBytes;
        _metrics = metrics;
        _time = time;
        _logger = logger;
    }

    /// <summary>Null when the request may go on; else why not (a refused body, or the client left while sending it).</summary>
    public ValueTask<Rejection?> PrepareAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;

        // Never trusted from a client, on any path: routes matching it must see the gateway's value or none.
        request.Headers.Remove(InferenceHeaders.Model);
        return InferencePaths.TryGetOperation(request, out var operation) ? ReadAsync(context, operation) : ValueTask.FromResult<Rejection?>(null);
    }

    /// <summary>Records the GenAI metrics of a finished inference request; does nothing for other requests.</summary>
    /// <param name="context">The request, its response sent.</param>
    /// <param name="forwarded">Whether it reached a destination (only then is there a model's answer to measure).</param>
    public void Complete(HttpContext context, bool forwarded)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!InferencePaths.TryGetOperation(context.Request, out _) || context.Features.Get<ResponseObserver>() is not { } observer)
        {
            return;
        }

        observer.Release();
        if (forwarded)
        {
            var aborted = context.RequestAborted.IsCancellationRequested;
            _metrics.Record(observer.Request, _time.GetElapsedTime(observer.StartedAt), aborted ? 0 : context.Response.StatusCode);
        }
    }

    private async ValueTask<Rejection?> ReadAsync(HttpContext context, InferenceOperation operation)
    {
        var started = _time.GetTimestamp();
        var request = context.Request;
        if (!MediaTypes.IsJson(request.ContentType))
        {
            return InferenceError.UnsupportedContentType.ToRejection();
        }

        PooledRequestBody? body;
        InferenceError? error;
        try
        {
            (body, error) = await InferenceBodyReader.ReadAsync(request, _maxBodyBytes, context.RequestAborted);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or BadHttpRequestException)
        {
            // The client left (nothing to answer) or broke the framing mid-body (400, flag DPE); nothing is forwarded.
            LogBodyReadFailed(ex.GetType().Name);
            return !context.RequestAborted.IsCancellationRequested && MalformedBody.Find(context, ex) is { } malformed
                ? FramingAnswer.Reject(malformed)
                : new Rejection(RejectionKind.ClientGone, "the client left while sending the request body");
        }

        InferenceBody parsed = default;
        if (error is not null || !InferenceBodyParser.TryParse(body!.Span, out parsed, out error))
        {
            body?.Dispose();
            return error!.ToRejection();
        }

        request.Body = body;
        context.Response.RegisterForDispose(body);
        request.Headers[InferenceHeaders.Model] = parsed.Model;
        var inference = new InferenceRequest(parsed.Model, parsed.Stream, parsed.MaxTokens, body.Length) { Operation = operation, Body = body };
        var observer = new ResponseObserver(inference, context.Response, _time, started);
        context.Features.Set(inference);
        context.Features.Set(observer);
        context.Response.Body = new ObservingResponseStream(context.Response.Body, observer);
        return null;
    }
}
