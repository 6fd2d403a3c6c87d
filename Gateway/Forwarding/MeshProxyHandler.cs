using System.Runtime.CompilerServices;
using OrleansMesh.Gateway.Inference;
using OrleansMesh.Gateway.Resilience;
using OrleansMesh.Gateway.Routing;
using OrleansMesh.Gateway.Telemetry;

namespace OrleansMesh.Gateway.Forwarding;

/// <summary>
/// The request path: host → route from the current snapshot, then redirect, answer, or forward through
/// <see cref="ResilientForwarder"/> (destination, endpoint, retries, YARP). Reads only the in-memory snapshot:
/// no grain call, no lock.
/// </summary>
internal sealed class MeshProxyHandler
{
    private readonly RoutingSnapshotStore _store;
    private readonly ResilientForwarder _forwarder;
    private readonly RequestTelemetry _telemetry;
    private readonly InferenceGate _inference;

    public MeshProxyHandler(RoutingSnapshotStore store, ResilientForwarder forwarder, RequestTelemetry telemetry, InferenceGate inference)
    {
        ArgumentNullException.ThrowIfNull(inference);
        _inference = inference;
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(forwarder);
        ArgumentNullException.ThrowIfNull(telemetry);
        _store = store;
        _forwarder = forwarder;
        _telemetry = telemetry;
    }

    /// <summary>Serves one request, then records it (Istio's metrics, the access log, trace attributes).</summary>
    public async Task HandleAsync(HttpContext context)
    {
        var started = _telemetry.Start();
        var (route, result) = await DispatchAsync(context);
        var cluster = result.Cluster;

        var traced = MeshTracing.ServerSpan(context) is not null;
        var endpoint = result.Endpoint?.HostAndPort;
        if (traced)
        {
            MeshTracing.SetRoute(context, null, route?.Name, cluster?.Host, cluster?.Subset);
            if (cluster is not null)
            {
                MeshTracing.SetOutcome(context, endpoint, result.Attempts, cluster.Health is null ? null : result.Admission.ToString(), result.Flags);
            }
        }

        var inference = context.Features.Get<InferenceRequest>();
        _telemetry.Complete(
            context,
            started,
            cluster?.Host,
            cluster?.Subset,
            endpoint,
            route?.Name,
            result.Flags,
            timeToFirstToken: inference is { Stream: true } ? inference.TimeToFirstToken : null,
            inputTokens: inference?.Usage?.InputTokens ?? 0,
            outputTokens: inference?.Usage?.OutputTokens ?? 0);
        _inference.Complete(context, cluster is not null);
    }

    // Pooled: a forwarded request always completes asynchronously, and HandleAsync awaits it exactly once.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<(CompiledRoute? Route, ForwardResult Result)> DispatchAsync(HttpContext context)
    {
        var request = context.Request;
        var snapshot = _store.Current;
        var host = snapshot.FindHost(request.Host.Value ?? "");
        if (host is null)
        {
            await (_store.IsLoaded
                ? MeshErrorResponses.WriteAsync(context, StatusCodes.Status404NotFound, "NR", "unknown_host", $"no service or VirtualService for host '{request.Host.Value}'")
                : MeshErrorResponses.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "NC", "no_config", "the gateway has not received its config from the control plane yet"));
            return (null, default);
        }

        // OpenAI-compatible paths: the body's model becomes the x-mesh-model header routes match on (or a 400 here).
        if (!await _inference.PrepareAsync(context))
        {
            return (null, default);
        }

        var route = host.Route(request, out var matchIndex);
        switch (route?.Action)
        {
            case ForwardAction forward:
                return (route, await _forwarder.ForwardAsync(context, route, forward, matchIndex));
            case RedirectAction redirect:
                await RedirectAsync(context, redirect);
                break;
            case DirectResponseAction direct:
                await DirectAsync(context, direct);
                break;
            default:
                await MeshErrorResponses.WriteAsync(context, StatusCodes.Status404NotFound, "NR", "no_route", $"no route of host '{host.Name}' matches {request.Method} {request.Path}");
                break;
        }

        return (route, default);
    }

    private static Task RedirectAsync(HttpContext context, RedirectAction redirect)
    {
        context.Response.StatusCode = redirect.StatusCode;
        context.Response.Headers.Location = redirect.Location(context.Request);
        return Task.CompletedTask;
    }

    private static Task DirectAsync(HttpContext context, DirectResponseAction direct)
    {
        context.Response.StatusCode = direct.StatusCode;
        return direct.Body.IsEmpty ? Task.CompletedTask : context.Response.Body.WriteAsync(direct.Body, context.RequestAborted).AsTask();
    }
}
