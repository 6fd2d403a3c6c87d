using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using OrleansMesh.Gateway.Forwarding;
using OrleansMesh.Gateway.Framing;
using OrleansMesh.Gateway.Health;
using OrleansMesh.Gateway.Hosting;
using OrleansMesh.Gateway.Mirroring;
using OrleansMesh.Gateway.RateLimiting;
using OrleansMesh.Gateway.Routing;
using OrleansMesh.Gateway.Security.Authorization;
using Polly;
using Yarp.ReverseProxy.Forwarder;

namespace OrleansMesh.Gateway.Resilience;

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
    private readonly MirrorDispatcher? _mirrors;

    public ResilientForwarder(
        IHttpForwarder forwarder,
        UpstreamHttpClient client,
        TimeProvider time,
        IOptions<MeshGatewayOptions> options,
        RateLimitGate rateLimits,
        TokenRateLimitGate tokenLimits,
        AuthorizationGate authorization,
        ILogger<ResilientForwarder> logger,
        MirrorDispatcher? mirrors = null)
    {
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
        _bufferLimit = options.Value.RetryBufferLimit;
        _logger = logger;
    }

    /// <summary>Forwards, and tells what the client got: the outcome of the last attempt, or why none was made.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<ForwardResult> ForwardAsync(HttpContext context, CompiledRoute route, ForwardAction action, int matchIndex)
    {
        var resilience = action.Resilience;
        var delayed = false;
        if (resilience.Fault is { } fault)
        {
            if (fault.DelayPercent > 0 && fault.ShouldDelay(Random.Shared.NextDouble()))
            {
                try
                {
                    await Task.Delay(fault.Delay, _time, context.RequestAborted);
                }
                catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
                {
                    return new ForwardResult(UpstreamOutcome.Cancelled, 0, 0, ResponseFlags.FaultDelay);
                }

                delayed = true;
            }

            if (fault.AbortPercent > 0 && fault.ShouldAbort(Random.Shared.NextDouble()))
            {
                return await RejectAsync(context, fault.AbortStatus, ResponseFlags.Combine(delayed, ResponseFlags.FaultAbort), "fault_abort", "fault filter abort");
            }
        }

        if (action.RateLimits.Length > 0 && await _rateLimits.AcquireAsync(context, action.RateLimits) is { IsAllowed: false } refused)
        {
            return await RateLimitedAsync(context, refused.RetryAfter, refused.RefusedBy!, delayed);
        }

        if (!_tokenLimits.TryCharge(context, action.TokenRateLimit, out var tokens, out var tokenRefusal))
        {
            (tokens, tokenRefusal) = await _tokenLimits.ChargeWhenLeasedAsync(context, tokenRefusal);
            if (tokens is null)
            {
                return await TokenRateLimitGate.RejectAsync(context, tokenRefusal, delayed);
            }
        }

        var destination = action.Destinations.Length == 1 ? action.Destinations[0] : action.Pick(Random.Shared.Next(action.TotalWeight));
        if (action.Mirrors.Length > 0 && _mirrors is not null)
        {
            await _mirrors.StartAsync(context, action);
        }

        var result = action.Fallback is { } fallback
            ? await ForwardWithFallbackAsync(context, route, action, matchIndex, destination, delayed, fallback)
            : (await ForwardToAsync(context, route, action, matchIndex, destination, delayed) with { Cluster = destination.Cluster });
        _tokenLimits.Settle(tokens, result);
        return result;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ForwardResult> ForwardToAsync(HttpContext context, CompiledRoute route, ForwardAction action, int matchIndex, WeightedDestination destination, bool delayed)
    {
        var resilience = action.Resilience;
        var cluster = destination.Cluster;
        if (cluster.Endpoints.Length == 0)
        {
            return await RejectAsync(context, StatusCodes.Status503ServiceUnavailable, ResponseFlags.Combine(delayed, ResponseFlags.NoHealthyUpstream), "no_healthy_upstream", $"no healthy endpoint in {cluster.Name} (route {route.Name})");
        }

        if (cluster.RateLimits.Length > 0 && await _rateLimits.AcquireAsync(context, cluster.RateLimits) is { IsAllowed: false } refused)
        {
            return await RateLimitedAsync(context, refused.RetryAfter, refused.RefusedBy!, delayed);
        }

        // The cluster-wide breaker, as the destination's grain last decided it (no grain call here).
        var admission = cluster.Health?.Admit() ?? Admission.Allowed;
        if (admission == Admission.Rejected)
        {
            var health = cluster.Health!;
            return await RejectAsync(context, StatusCodes.Status503ServiceUnavailable, ResponseFlags.Combine(delayed, ResponseFlags.UpstreamOverflow), "circuit_open", $"circuit breaker of {health.Key} is open: {health.View.Reason ?? "held open"}") with { Admission = admission };
        }

        var limiter = cluster.Resilience.Requests;
        if (limiter is not null && !limiter.TryAcquire())
        {
            return await RejectAsync(context, StatusCodes.Status503ServiceUnavailable, ResponseFlags.Combine(delayed, ResponseFlags.UpstreamOverflow), "upstream_overflow", $"too many requests to {cluster.Name} (connectionPool limit {limiter.Limit})");
        }

        try
        {
            // A half-open probe is one request to the destination, never retried: the breaker grants exactly that many.
            var retry = admission == Admission.Probe ? null : resilience.Retry;
            var body = retry is null ? null : RequestBodyReplay.Prepare(context.Request, _bufferLimit);
            var attempts = new ForwardingAttempts(_forwarder, context, cluster, cluster.Resilience.Invoker ?? _client, FallbackAttempt.Wrap(context, destination.Transformer(matchIndex)), retry, body, delayed, admission, _authorization);
            var (last, routeTimedOut) = await RunAsync(context, resilience, attempts);
            return await FinishAsync(context, route, attempts, last, routeTimedOut, delayed) with { Endpoint = attempts.LastEndpoint, Admission = admission };
        }
        finally
        {
            limiter?.Release();
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<(AttemptResult Last, bool RouteTimedOut)> RunAsync(HttpContext context, RouteResilience resilience, ForwardingAttempts attempts)
    {
        if (resilience.Pipeline is not { } pipeline)
        {
            return (await attempts.SendAsync(CancellationToken.None), false);
        }

        try
        {
            // Most requests make one attempt, and a pipeline of retries alone adds nothing to it: the first attempt runs
            // here, as Polly would run it (same token, refused when already cancelled, an exception becomes an outcome),
            // and only one that asks for a retry enters the pipeline, whose first callback is handed its result.
            if (resilience.RetriesOnly)
            {
                var aborted = context.RequestAborted;
                if (aborted.IsCancellationRequested)
                {
                    return (default, false);
                }

                AttemptResult first;
                try
                {
                    first = await attempts.SendAsync(aborted);
                }
                catch (Exception)
                {
                    return (default, !aborted.IsCancellationRequested);
                }

                if (!first.WillRetry)
                {
                    return (first, false);
                }

                attempts.ReplayNext(first);
            }

            var resilienceContext = ResilienceContextPool.Shared.Get(context.RequestAborted);
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
        finally
        {
            attempts.ReleaseReservedRetry();
        }
    }

    private async ValueTask<ForwardResult> FinishAsync(HttpContext context, CompiledRoute route, ForwardingAttempts attempts, AttemptResult last, bool routeTimedOut, bool delayed)
    {
        var endpoint = attempts.LastEndpoint?.DestinationPrefix ?? "";
        if (context.RequestAborted.IsCancellationRequested)
        {
            return new ForwardResult(UpstreamOutcome.Cancelled, 0, attempts.Attempts, null);
        }

        // A retry decided but not made: only the route timeout stops a retry the attempt asked for.
        if (routeTimedOut || last.Outcome == UpstreamOutcome.Timeout || last.WillRetry)
        {
            LogForwardError(last.Error, endpoint, route.Name);
            return await RejectAsync(context, StatusCodes.Status504GatewayTimeout, ResponseFlags.Combine(delayed, ResponseFlags.UpstreamTimeout), "upstream_timeout", $"upstream request timeout ({endpoint}, route {route.Name})", UpstreamOutcome.Timeout, attempts.Attempts);
        }

        if (last.Error == ForwarderError.None)
        {
            return new ForwardResult(last.Outcome, context.Response.StatusCode, attempts.Attempts, context.Response.Headers[MeshErrorResponses.FlagsHeader].ToString() is { Length: > 0 } flags ? flags : null);
        }

        // The client's body broke HTTP's framing while it was being sent: the client's fault, not the upstream's.
        if (last.Error == ForwarderError.RequestBodyClient && MalformedBody.Find(context, context.Features.Get<IForwarderErrorFeature>()?.Exception) is { } malformed)
        {
            return await RejectAsync(context, malformed.StatusCode, ResponseFlags.Combine(delayed, ResponseFlags.DownstreamProtocolError), malformed.Code, malformed.Message, UpstreamOutcome.Cancelled, attempts.Attempts);
        }

        LogForwardError(last.Error, endpoint, route.Name);
        if (context.Response.HasStarted)
        {
            return new ForwardResult(last.Outcome, context.Response.StatusCode, attempts.Attempts, null);
        }

        return last.Error == ForwarderError.Request
            ? await RejectAsync(context, StatusCodes.Status503ServiceUnavailable, ResponseFlags.Combine(delayed, ResponseFlags.ConnectFailure), "upstream_connect_failure", $"upstream connect error or disconnect/reset before headers ({endpoint})", last.Outcome, attempts.Attempts)
            : await RejectAsync(context, StatusCodes.Status502BadGateway, ResponseFlags.Combine(delayed, ResponseFlags.ConnectionTermination), "upstream_error", $"upstream error {last.Error} ({endpoint})", last.Outcome, attempts.Attempts);
    }

    private static async Task<ForwardResult> RateLimitedAsync(HttpContext context, TimeSpan retryAfter, CompiledRateLimit limit, bool delayed)
    {
        var flags = ResponseFlags.Combine(delayed, RateLimitGate.Flag);
        await RateLimitGate.WriteRejectedAsync(context, retryAfter, limit, flags);
        return new ForwardResult(UpstreamOutcome.Rejected, StatusCodes.Status429TooManyRequests, 0, flags);
    }

    private static async Task<ForwardResult> RejectAsync(HttpContext context, int status, string flags, string code, string message, UpstreamOutcome outcome = UpstreamOutcome.Rejected, int attempts = 0)
    {
        if (FallbackAttempt.Writes(context, code, outcome))
        {
            await MeshErrorResponses.WriteAsync(context, status, flags, code, message);
        }

        return new ForwardResult(outcome, status, attempts, flags);
    }
}
