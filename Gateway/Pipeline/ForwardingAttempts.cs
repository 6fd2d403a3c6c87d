using System.Runtime.CompilerServices;
using OrleansMesh.Gateway.Health;
using OrleansMesh.Gateway.LoadBalancing;
using OrleansMesh.Gateway.Model;
using OrleansMesh.Gateway.Resilience;
using OrleansMesh.Gateway.Security;
using Polly;
using Yarp.ReverseProxy.Forwarder;

namespace OrleansMesh.Gateway.Pipeline;

/// <summary>
/// The attempts of one request: each picks an endpoint not tried yet, sends through YARP, classifies the outcome and
/// reports it to the endpoint. It is also the attempt's transformer: an upstream answer that will be retried is not
/// copied (<see cref="TransformResponseAsync"/> returns false), so the client response has not started and can be
/// cleared for the next attempt. The one object a forwarded request allocates.
/// </summary>
internal sealed class ForwardingAttempts : HttpTransformer
{
    private readonly IHttpForwarder _forwarder;
    private readonly HttpContext _context;
    private readonly UpstreamCluster _cluster;
    private readonly HttpMessageInvoker _invoker;
    private readonly HttpTransformer _inner;
    private readonly RetryPolicy? _retry;
    private readonly RequestBodyReplay? _body;
    private readonly bool _delayed;
    private readonly Admission _admission;
    private readonly AuthorizationGate _authorization;
    private readonly SecuritySnapshot _security;
    private UpstreamEndpoint[]? _tried;
    private UpstreamEndpoint? _first;
    private bool _retrySlotForThisAttempt;
    private bool _retrySlotForNextAttempt;
    private int _status;
    private bool _willRetry;
    private ulong? _hash;
    private AttemptResult? _replay;

    public ForwardingAttempts(IHttpForwarder forwarder, HttpContext context, UpstreamCluster cluster, HttpMessageInvoker invoker, HttpTransformer inner, RetryPolicy? retry, RequestBodyReplay? body, bool delayed, Admission admission, AuthorizationGate authorization, SecuritySnapshot security)
    {
        _security = security;
        _admission = admission;
        _authorization = authorization;
        _forwarder = forwarder;
        _context = context;
        _cluster = cluster;
        _invoker = invoker;
        _inner = inner;
        _retry = retry;
        _body = body;
        _delayed = delayed;
    }

    /// <summary>The pipeline's callback: one attempt.</summary>
    public static Func<ResilienceContext, ForwardingAttempts, ValueTask<Outcome<AttemptResult>>> Callback { get; } = SendOutcomeAsync;

    /// <summary>Attempts started so far.</summary>
    public int Attempts { get; private set; }

    /// <summary>Why the endpoint's policies refused the request (no attempt was sent to it), or null.</summary>
    public Rejection? Refusal { get; private set; }

    /// <summary>The endpoint of the latest attempt.</summary>
    public UpstreamEndpoint? LastEndpoint { get; private set; }

    // Pooled: an attempt always waits for the upstream, and the request path awaits each attempt exactly once.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<AttemptResult> SendAsync(CancellationToken cancellationToken)
    {
        // A consistent hash is computed once, by the first attempt; the other policies never look at the request.
        if (Attempts == 0 && _cluster.HashPolicy is { } hashPolicy)
        {
            _hash = hashPolicy.Compute(_context);
        }

        var endpoint = _cluster.RequestPicker is not null
            ? _cluster.PickEndpoint(_context, Attempts == 0 ? default : Tried())
            : _hash is { } hash
                ? _cluster.PickEndpoint(hash, Attempts == 0 ? default : Tried())
                : Attempts == 0 ? _cluster.PickEndpoint() : _cluster.PickRetryEndpoint(Tried());
        if (endpoint is null)
        {
            return default;
        }

        if (Attempts > 0)
        {
            _context.Response.Clear();
            _body?.Rewind();
        }

        // rbac (endpoint): policies selecting the endpoint's labels (Istio enforces them at the destination's sidecar).
        // A refusal is answered 401 or 403, and no retry follows.
        if (await _authorization.CheckAsync(_context, _security, endpoint) is { } refusal)
        {
            Refusal = refusal;
            return new AttemptResult(UpstreamOutcome.Rejected, RejectionAnswer.Of(refusal).Status, ForwarderError.None, false);
        }

        Remember(endpoint);
        _retrySlotForThisAttempt = _retrySlotForNextAttempt;
        _retrySlotForNextAttempt = false;
        _status = 0;
        _willRetry = false;

        var outcome = UpstreamOutcome.Reset;
        var refusedStream = false;
        var error = ForwarderError.None;
        endpoint.State.OnRequestStarted();
        try
        {
            error = await _forwarder.SendAsync(_context, endpoint.DestinationPrefix, _invoker, _cluster.RequestConfig, this, cancellationToken);
            if (error == ForwarderError.None)
            {
                outcome = OutcomeClassifier.FromStatus(_status != 0 ? _status : _context.Response.StatusCode);
            }
            else
            {
                var exception = _context.Features.Get<IForwarderErrorFeature>()?.Exception;
                outcome = OutcomeClassifier.FromError(error, exception, _context.RequestAborted.IsCancellationRequested, cancellationToken.IsCancellationRequested);
                refusedStream = OutcomeClassifier.IsRefusedStream(exception);
            }
        }
        finally
        {
            endpoint.State.OnRequestFinished(outcome, _status);
            _cluster.Health?.Record(endpoint.Health, outcome, _admission);
            if (_retrySlotForThisAttempt)
            {
                _retrySlotForThisAttempt = false;
                _cluster.Resilience.Retries?.Release();
            }
        }

        if (error != ForwarderError.None && !_context.Response.HasStarted && _retry is not null && _retry.RetryOn.MatchesFailure(outcome, refusedStream) && TryReserveRetry())
        {
            _willRetry = true;
        }

        return new AttemptResult(outcome, _status, error, _willRetry);
    }

    /// <summary>Makes the pipeline's next callback return <paramref name="made"/>, an attempt made before it ran.</summary>
    public void ReplayNext(AttemptResult made) => _replay = made;

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<Outcome<AttemptResult>> SendOutcomeAsync(ResilienceContext context, ForwardingAttempts attempts)
    {
        if (attempts._replay is { } made)
        {
            attempts._replay = null;
            return Outcome.FromResult(made);
        }

        return Outcome.FromResult(await attempts.SendAsync(context.CancellationToken));
    }

    /// <summary>Gives back a retry slot reserved for a retry that never came (the route timeout ran out first).</summary>
    public void ReleaseReservedRetry()
    {
        if (_retrySlotForNextAttempt)
        {
            _retrySlotForNextAttempt = false;
            _cluster.Resilience.Retries?.Release();
        }
    }

    public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        await _inner.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);
        if (_cluster.Resilience.ShouldCloseConnection())
        {
            proxyRequest.Headers.ConnectionClose = true;
        }
    }

    public override async ValueTask<bool> TransformResponseAsync(HttpContext httpContext, HttpResponseMessage? proxyResponse, CancellationToken cancellationToken)
    {
        if (proxyResponse is null)
        {
            return await _inner.TransformResponseAsync(httpContext, proxyResponse, cancellationToken);
        }

        _status = (int)proxyResponse.StatusCode;
        var exhausted = false;
        if (_retry is not null && _retry.RetryOn.MatchesStatus(_status))
        {
            if (TryReserveRetry())
            {
                _willRetry = true;
                return false;
            }

            exhausted = Attempts > 1;
        }

        var copy = await _inner.TransformResponseAsync(httpContext, proxyResponse, cancellationToken);
        if (_delayed || exhausted)
        {
            httpContext.Response.Headers[MeshErrorResponses.FlagsHeader] = _delayed && exhausted
                ? ResponseFlags.FaultDelay + "," + ResponseFlags.RetryLimitExceeded
                : _delayed ? ResponseFlags.FaultDelay : ResponseFlags.RetryLimitExceeded;
        }

        return copy;
    }

    public override ValueTask TransformResponseTrailersAsync(HttpContext httpContext, HttpResponseMessage proxyResponse, CancellationToken cancellationToken)
        => _inner.TransformResponseTrailersAsync(httpContext, proxyResponse, cancellationToken);

    private bool TryReserveRetry()
    {
        // Attempts includes the one under way, so Attempts - 1 retries have been made.
        if (_retry is null || Attempts > _retry.MaxRetries || _context.RequestAborted.IsCancellationRequested || _body?.CanReplay == false)
        {
            return false;
        }

        if (_cluster.Resilience.Retries is { } budget)
        {
            if (!budget.TryAcquire())
            {
                return false;
            }

            _retrySlotForNextAttempt = true;
        }

        return true;
    }

    private void Remember(UpstreamEndpoint endpoint)
    {
        if (Attempts == 0)
        {
            _first = endpoint;
        }
        else
        {
            _tried ??= CreateTried();
            _tried[Attempts] = endpoint;
        }

        LastEndpoint = endpoint;
        Attempts++;
    }

    // Only a retried request pays for the list of endpoints it has tried.
    private UpstreamEndpoint[] CreateTried()
    {
        var tried = new UpstreamEndpoint[(_retry?.MaxRetries ?? 0) + 1];
        tried[0] = _first!;
        return tried;
    }

    private ReadOnlySpan<UpstreamEndpoint> Tried()
    {
        _tried ??= CreateTried();
        return _tried.AsSpan(0, Attempts);
    }
}
