namespace OrleansMesh.Gateway.Inference;

/// <summary>
/// What the gateway learns from an inference response as it is written: the time of its first body bytes and the
/// usage (SSE or JSON, chosen by the response's Content-Type at the first write). Sets them on the
/// <see cref="InferenceRequest"/> as soon as they are known, so anything that runs after the response has them.
/// </summary>
internal sealed class ResponseObserver
{
    private readonly HttpResponse _response;
    private readonly TimeProvider _time;
    private SseUsageScanner? _sse;
    private JsonUsageScanner? _json;
    private bool _started;

    public ResponseObserver(InferenceRequest request, HttpResponse response, TimeProvider time, long startedAt)
    {
        Request = request;
        _response = response;
        _time = time;
        StartedAt = startedAt;
    }

    public InferenceRequest Request { get; }

    /// <summary>When the gateway started on the request (<see cref="TimeProvider.GetTimestamp"/>).</summary>
    public long StartedAt { get; }

    public void OnWrite(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return;
        }

        if (!_started)
        {
            _started = true;
            Request.TimeToFirstToken = _time.GetElapsedTime(StartedAt);
            ChooseScanner();
        }

        if (_sse is not null)
        {
            _sse.Observe(data);
            Publish(_sse.Usage, _sse.Model);
        }
        else if (_json is not null)
        {
            _json.Observe(data);
            Publish(_json.Usage, _json.Model);
        }
    }

    /// <summary>Gives back pooled memory; call once the response is done.</summary>
    public void Release() => _json?.Release();

    private void ChooseScanner()
    {
        // A compressed body cannot be scanned; the gateway never asks the upstream to compress, the client may.
        var headers = _response.Headers;
        if (headers.ContentEncoding.Count > 0 && !string.Equals(headers.ContentEncoding.ToString(), "identity", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var type = _response.ContentType;
        if (type is null)
        {
            return;
        }

        if (type.StartsWith("text/event-stream", StringComparison.OrdinalIgnoreCase))
        {
            _sse = new SseUsageScanner(Request.Model);
        }
        else if (MediaTypes.IsJson(type))
        {
            _json = new JsonUsageScanner(Request.Model);
        }
    }

    private void Publish(TokenUsage? usage, string? model)
    {
        if (usage is not null)
        {
            Request.Usage = usage;
        }

        Request.ResponseModel ??= model;
    }
}
