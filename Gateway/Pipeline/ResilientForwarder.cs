using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using OrleansMesh.Gateway.Forwarding;
using OrleansMesh.Gateway.Framing;
using OrleansMesh.Gateway.Health;
using OrleansMesh.Gateway.Mirroring;
using OrleansMesh.Gateway.Model;
using OrleansMesh.Gateway.RateLimiting;
using OrleansMesh.Gateway.Resilience;
using OrleansMesh.Gateway.Routing;
using OrleansMesh.Gateway.Security;
using Polly;
using Yarp.ReverseProxy.Forwarder;

namespace OrleansMesh.Gateway.Pipeline;

/// <summary>
/// Forwards a routed request the way Envoy's router does: fault injection, the destination's connection-pool limit,
/// then attempts under the route's pipeline (retry with back-off to other endpoints, per-try and route timeouts).
/// Everything it decides with was compiled with the snapshot; per request it reads, counts and allocates one
/// <see cref="ForwardingAttempts"/>. Every forwarded request completes asynchronously (it waits for the upstream), so
/// each async step would allocate its state machine: the steps return <see cref="ValueTask{TResult}"/> from pooled
/// builders instead (each is awaited exactly once, by its caller).
/// </summary>
internal sealed partial class ResilientForwarder
{
    private readonly IHttpForwarder _forwarder;
    private readonly HttpMessageInvoker _client;
    private readonly TimeProvider _time;
    private readonly int _bufferLimit;
    private readonly ILogger<ResilientForwarder> _logger;
    private readonly RateLimitGate _rateLimits;
    private readonly TokenRateLimitGate _tokenLimits;
    private readonly AuthorizationGate _authorization;
    private readonly MirrorDispatcher _mirrors;
    private readonly DeadlineSources _deadlines;

    public ResilientForwarder(
        IHttpForwarder forwarder,
        UpstreamHttpClient client,
        TimeProvider time,
        IOptions<MeshGatewayOptions> options,
        RateLimitGate rateLimits,
        TokenRateLimitGate tokenLimits,
        AuthorizationGate authorization,
        ILogger<ResilientForwarder> logger,
        MirrorDispatcher mirrors)
    {
        ArgumentNullException.ThrowIfNull(mirrors);
        _mirrors = mirrors;
        ArgumentNullException.ThrowIfNull(rateLimits);
        ArgumentNullException.ThrowIfNull(tokenLimits);
        ArgumentNullException.ThrowIfNull(authorization);
        _rateLimits = rateLimits;
        _tokenLimits = tokenLimits;
        _authorization = authorization;
        ArgumentNullException.ThrowIfNull(forwarder);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _forwarder = forwarder;
        _client = client.Invoker;
        _time = time;

        // Enough for the attempts a busy gateway starts between two that end; the rest are disposed on return.
        _deadlines = new DeadlineSources(time, maximumRetained: 64 * Environment.ProcessorCount);
        _bufferLimit = options.Value.RetryBufferLimit;
        _logger = logger;
    }

    /// <summary>
    /// Forwards, and tells what the client is to get: the outcome of the last attempt, or the refusal (not written yet:
    /// the request path answers it) when none was made or the last one failed.
    /// </summary>
    public ValueTask<ForwardResult> ForwardAsync(HttpContext context, SecuritySnapshot security, CompiledRoute route, ForwardAction action, int matchIndex)
    {
        // A route with no fault, limit, mirror or fallback has nothing to do before the destination pick: straight to
        // the destination, one async frame (and its allocation) fewer per request.
        return action.Resilience.Fault is null && action.RateLimits.Length == 0 && action.TokenRateLimit is null && action.Mirrors.Length == 0 && action.Fallback is null
            ? ForwardToAsync(context, security, route, action, matchIndex, action.Pick(context), delayed: false, fallback: null)
            : ForwardWithPoliciesAsync(context, security, route, action, matchIndex);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ForwardResult> ForwardWithPoliciesAsync(HttpContext context, SecuritySnapshot security, CompiledRoute route, ForwardAction action, int matchIndex)
    {
        // fault: delay, then abort.
        var fault = action.Resilience.Fault;
        var delayed = false;
        if (FaultInjection.Delays(fault))
        {
            try
            {
                await Task.Delay(fault!.Delay, _time, context.RequestAborted);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                return new ForwardResult(UpstreamOutcome.Cancelled, 0, 0, ResponseFlags.FaultDelay);
            }

            delayed = true;
        }

        if (FaultInjection.Abort(fault, delayed) is { } abort)
        {
            return ForwardResult.Refused(abort);
        }

        // ratelimit: the route's request limits, then its token limit.
        if (action.RateLimits.Length > 0 && await _rateLimits.AcquireAsync(context, action.RateLimits) is { IsAllowed: false } refused)
        {
            return ForwardResult.Refused(RateLimitGate.Reject(refused, delayed));
        }

        if (!_tokenLimits.TryCharge(context, action.TokenRateLimit, out var tokens, out var tokenRefusal))
        {
            (tokens, tokenRefusal) = await _tokenLimits.ChargeWhenLeasedAsync(context, tokenRefusal);
            if (tokens is null)
            {
                return ForwardResult.Refused(TokenRateLimitGate.Reject(tokenRefusal, delayed));
            }
        }

        // pick destination (weighted), then mirror.
        var destination = action.Pick(context);
        if (action.Mirrors.Length > 0)
        {
            await _mirrors.StartAsync(context, action.Mirrors, action.Definition);
        }

        var result = action.Fallback is { } fallback
            ? await ForwardWithFallbackAsync(context, security, route, action, matchIndex, destination, delayed, fallback)
            : await ForwardToAsync(context, security, route, action, matchIndex, destination, delayed, null);
        _tokenLimits.Settle(tokens, reachedUpstream: result.Attempts > 0);
        return result;
    }

    // The destination's steps and its attempts, in one async frame: every forwarded request passes here.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ForwardResult> ForwardToAsync(HttpContext context, SecuritySnapshot security, CompiledRoute route, ForwardAction action, int matchIndex, WeightedDestination destination, bool delayed, FallbackAttempt? fallback)
    {
        var resilience = action.Resilience;
        var cluster = destination.Cluster;
        if (ClusterAdmission.NoEndpoint(route, cluster, delayed) is { } noEndpoint)
        {
            return ForwardResult.Refused(noEndpoint) with { Cluster = cluster };
        }

        if (cluster.RateLimits.Length > 0 && await _rateLimits.AcquireAsync(context, cluster.RateLimits) is { IsAllowed: false } refused)
        {
            return ForwardResult.Refused(RateLimitGate.Reject(refused, delayed)) with { Cluster = cluster };
        }

        // InferencePool flow control: while the whole pool is saturated, wait by priority or be shed.
        if (cluster.RequestPicker is { } picker && await picker.AdmitAsync(context, delayed) is { } shed)
        {
            return ForwardResult.Refused(shed) with { Cluster = cluster };
        }

        // breaker, then the connection pool.
        if (ClusterAdmission.Admit(cluster, delayed, out var admission, out var slot) is { } notAdmitted)
        {
            return ForwardResult.Refused(notAdmitted) with { Admission = admission, Cluster = cluster };
        }

        try
        {
            // A half-open probe is one request to the destination, never retried: the breaker grants exactly that many.
            var retry = admission == Admission.Probe ? null : resilience.Retry;
            var body = retry is null ? null : RequestBodyReplay.Prepare(context.Request, _bufferLimit);
            var transformer = destination.Transformer(matchIndex);
            var attempts = new ForwardingAttempts(
                _forwarder, context, cluster, cluster.Resilience.Invoker ?? _client, fallback is null ? transformer : new FallbackResponseGate(fallback, transformer),
                retry, body, delayed, admission, _authorization, security);
            AttemptResult last;
            var routeTimedOut = false;
            try
            {
                if (resilience.Pipeline is not { } pipeline)
                {
                    last = await attempts.SendAsync(CancellationToken.None);
                }
                else
                {
                    // Most requests make one attempt: it runs here, as Polly would run it (refused when already
                    // cancelled, an exception becomes an outcome) under the shorter of the per-try and route timeouts,
                    // and only one that asks for a retry enters the pipeline, handed its result and the route's time left.
                    var aborted = context.RequestAborted;
                    last = default;
                    if (!aborted.IsCancellationRequested)
                    {
                        var started = _time.GetTimestamp();
                        var deadline = resilience.FirstAttemptTimeout is { } timeout ? _deadlines.Rent(timeout) : null;
                        try
                        {
                            // YARP links this token with the client's.
                            last = await attempts.SendAsync(deadline?.Token ?? aborted);
                        }
                        catch (Exception)
                        {
                            routeTimedOut = !aborted.IsCancellationRequested;
                        }

                        // Given back before any retry: the pipeline's attempts have tokens of their own.
                        var deadlinePassed = deadline is { IsCancellationRequested: true };
                        if (deadline is not null)
                        {
                            _deadlines.Return(deadline);
                        }

                        var left = resilience.Timeout - _time.GetElapsedTime(started);
                        if (left <= TimeSpan.Zero && deadlinePassed)
                        {
                            routeTimedOut = true;
                        }
                        else if (last.WillRetry)
                        {
                            attempts.ReplayNext(last);
                            (last, routeTimedOut) = await RunPipelineAsync(context, pipeline, attempts, left);
                        }
                    }
                }
            }
            finally
            {
                attempts.ReleaseReservedRetry();
            }

            return Finish(context, route, attempts, last, routeTimedOut, delayed) with { Endpoint = attempts.LastEndpoint, Admission = admission, Cluster = cluster };
        }
        finally
        {
            slot?.Release();
        }
    }

    // The retries under the route's Polly pipeline (back-off, per-try timeouts, and the route timeout's time left).
    private static async ValueTask<(AttemptResult Last, bool RouteTimedOut)> RunPipelineAsync(HttpContext context, ResiliencePipeline<AttemptResult> pipeline, ForwardingAttempts attempts, TimeSpan? routeTimeLeft)
    {
        var resilienceContext = ResilienceContextPool.Shared.Get(context.RequestAborted);
        if (routeTimeLeft is { } left)
        {
            resilienceContext.Properties.Set(RouteResilience.TimeLeft, left);
        }

        try
        {
            var outcome = await pipeline.ExecuteOutcomeAsync(ForwardingAttempts.Callback, resilienceContext, attempts);

            // An exception here is the route timeout (or the client leaving) during a back-off.
            return outcome.Exception is null ? (outcome.Result, false) : (default, !context.RequestAborted.IsCancellationRequested);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(resilienceContext);
        }
    }

    // account for the attempts: what the client got, or the refusal for how the last one failed.
    private ForwardResult Finish(HttpContext context, CompiledRoute route, ForwardingAttempts attempts, AttemptResult last, bool routeTimedOut, bool delayed)
    {
        var endpoint = attempts.LastEndpoint?.DestinationPrefix ?? "";
        if (context.RequestAborted.IsCancellationRequested)
        {
            return new ForwardResult(UpstreamOutcome.Cancelled, 0, attempts.Attempts, null);
        }

        // rbac (endpoint) refused the attempt's endpoint.
        if (attempts.Refusal is { } refusal)
        {
            return ForwardResult.Refused(refusal, UpstreamOutcome.Rejected, attempts.Attempts);
        }

        // A retry decided but not made: only the route timeout stops a retry the attempt asked for.
        if (routeTimedOut || last.Outcome == UpstreamOutcome.Timeout || last.WillRetry)
        {
            LogForwardError(last.Error, endpoint, route.Name);
            return ForwardResult.Refused(new Rejection(RejectionKind.UpstreamTimeout, $"upstream request timeout ({endpoint}, route {route.Name})") { Delayed = delayed }, UpstreamOutcome.Timeout, attempts.Attempts);
        }

        if (last.Error == ForwarderError.None)
        {
            return new ForwardResult(last.Outcome, context.Response.StatusCode, attempts.Attempts, context.Response.Headers[MeshErrorResponses.FlagsHeader].ToString() is { Length: > 0 } flags ? flags : null);
        }

        // The client's body broke HTTP's framing while it was being sent: the client's fault, not the upstream's.
        if (last.Error == ForwarderError.RequestBodyClient && MalformedBody.Find(context, context.Features.Get<IForwarderErrorFeature>()?.Exception) is { } malformed)
        {
            return ForwardResult.Refused(new Rejection(RejectionKind.MalformedBody, malformed.Message) { StatusCode = malformed.StatusCode, Code = malformed.Code, Delayed = delayed }, UpstreamOutcome.Cancelled, attempts.Attempts);
        }

        LogForwardError(last.Error, endpoint, route.Name);
        if (context.Response.HasStarted)
        {
            return new ForwardResult(last.Outcome, context.Response.StatusCode, attempts.Attempts, null);
        }

        var failure = last.Error == ForwarderError.Request
            ? new Rejection(RejectionKind.UpstreamConnectFailure, $"upstream connect error or disconnect/reset before headers ({endpoint})") { Delayed = delayed }
            : new Rejection(RejectionKind.UpstreamError, $"upstream error {last.Error} ({endpoint})") { Delayed = delayed };
        return ForwardResult.Refused(failure, last.Outcome, attempts.Attempts);
    }
}
