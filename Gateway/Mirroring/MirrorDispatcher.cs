using Microsoft.Extensions.Options;
using OrleansMesh.Gateway.Forwarding;
using OrleansMesh.Gateway.Health;
using OrleansMesh.Gateway.Model;
using OrleansMesh.Gateway.Resilience;
using OrleansMesh.Gateway.Telemetry;
using OrleansMesh.Networking;

namespace OrleansMesh.Gateway.Mirroring;

/// <summary>
/// Shadow traffic (Istio's <c>mirror</c>/<c>mirrors</c>): for each mirror the percentage selects, a copy of the
/// request goes to the shadow destination on its own task, with Host <c>…-shadow</c>, and its response is read to
/// the end and discarded. The client's request waits only for its body to be copied (bounded by
/// <c>RetryBufferLimit</c>); its response never waits for, or depends on, a mirror.
/// </summary>
internal sealed partial class MirrorDispatcher : IDisposable
{
    private readonly HttpMessageInvoker _client;
    private readonly MirrorMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger<MirrorDispatcher> _logger;
    private readonly int _bufferLimit;
    private readonly int _maxConcurrent;
    private readonly TimeSpan _timeout;
    private readonly CancellationTokenSource _stopping = new();
    private int _inFlight;

    public MirrorDispatcher(
        UpstreamHttpClient client,
        MirrorMetrics metrics,
        TimeProvider time,
        IOptions<MeshGatewayOptions> gateway,
        IOptions<MirroringOptions> options,
        ILogger<MirrorDispatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _client = client.Invoker;
        _metrics = metrics;
        _time = time;
        _logger = logger;
        _bufferLimit = gateway.Value.RetryBufferLimit;
        _maxConcurrent = options.Value.MaxConcurrentMirrors;
        _timeout = options.Value.Timeout;
    }

    /// <summary>Mirrored requests in flight now.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>
    /// Rolls each of the route's mirrors and starts the copies due. Returns once they are on their way (after the
    /// body, when there is one, has been copied); never throws for a mirror's sake.
    /// </summary>
    public async ValueTask StartAsync(HttpContext context, MirrorTarget[] mirrors, HttpRoute route)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(mirrors);
        ArgumentNullException.ThrowIfNull(route);
        List<MirrorTarget>? due = null;
        foreach (var target in mirrors)
        {
            if (target.Selects(Random.Shared.NextDouble()))
            {
                (due ??= []).Add(target);
            }
        }

        if (due is null)
        {
            return;
        }

        var request = context.Request;
        if (MirrorBody.Refusal(request, _bufferLimit) is { } refusal)
        {
            Drop(due, refusal);
            return;
        }

        byte[] body;
        try
        {
            body = await MirrorBody.ReadAsync(request, _bufferLimit, context.RequestAborted);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or BadHttpRequestException)
        {
            // The client's body broke off: the primary will fail on its own; nothing to mirror.
            return;
        }

        var timeout = route.Timeout is { } routeTimeout && routeTimeout > TimeSpan.Zero ? routeTimeout : _timeout;
        var copy = new MirrorRequest(request, route.Rewrite?.Authority ?? request.Host.Value ?? "", request.ContentLength is null && body.Length == 0 ? null : body, timeout);
        foreach (var target in due)
        {
            if (Interlocked.Increment(ref _inFlight) > _maxConcurrent)
            {
                Interlocked.Decrement(ref _inFlight);
                Drop(target, MirrorDropReasons.Overflow);
                continue;
            }

            _ = Task.Run(() => SendAsync(target, copy));
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private async Task SendAsync(MirrorTarget target, MirrorRequest request)
    {
        var cluster = target.Cluster;
        try
        {
            var endpoint = cluster.PickEndpoint();
            if (endpoint is null)
            {
                Drop(target, MirrorDropReasons.NoHealthyUpstream);
                return;
            }

            // The shadow's own breaker: a failing new model stops receiving copies as any destination stops.
            var admission = cluster.Health?.Admit() ?? Admission.Allowed;
            if (admission == Admission.Rejected)
            {
                Drop(target, MirrorDropReasons.CircuitOpen);
                return;
            }

            var started = _time.GetTimestamp();
            var status = 0;
            string? flags = null;
            var outcome = UpstreamOutcome.Reset;
            endpoint.State.OnRequestStarted();
            using var timeout = new CancellationTokenSource(request.Timeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, _stopping.Token);
            try
            {
                using var message = request.ToMessage(endpoint.DestinationPrefix, cluster.RequestConfig);
                using var response = await (cluster.Resilience.Invoker ?? _client).SendAsync(message, linked.Token);
                status = (int)response.StatusCode;
                await response.Content.CopyToAsync(Stream.Null, linked.Token);
                outcome = OutcomeClassifier.FromStatus(status);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                outcome = UpstreamOutcome.Cancelled;
                return;
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                (outcome, flags) = (UpstreamOutcome.Timeout, ResponseFlags.UpstreamTimeout);
            }
            catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ConnectionError && status == 0)
            {
                (outcome, flags) = (UpstreamOutcome.ConnectFailure, ResponseFlags.ConnectFailure);
            }
            catch (Exception e) when (e is HttpRequestException or IOException)
            {
                (outcome, flags) = (UpstreamOutcome.Reset, ResponseFlags.ConnectionTermination);
            }
            finally
            {
                endpoint.State.OnRequestFinished(outcome, status);
                cluster.Health?.Record(endpoint.Health, outcome, admission);
            }

            if (flags is not null)
            {
                LogMirrorFailed(cluster.Name, flags);
            }

            _metrics.RecordMirror(cluster.Host, cluster.Subset, status, flags, _time.GetElapsedTime(started));
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private void Drop(List<MirrorTarget> targets, string reason)
    {
        foreach (var target in targets)
        {
            Drop(target, reason);
        }
    }

    private void Drop(MirrorTarget target, string reason)
    {
        LogMirrorDropped(target.Cluster.Name, reason);
        _metrics.RecordDropped(target.Cluster.Host, reason);
    }
}
