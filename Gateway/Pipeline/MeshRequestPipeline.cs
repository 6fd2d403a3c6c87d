using OrleansMesh.Gateway.Framing;
using OrleansMesh.Gateway.Inference;
using OrleansMesh.Gateway.Model;
using OrleansMesh.Gateway.Security.Authentication;
using OrleansMesh.Gateway.Security.Authorization;
using OrleansMesh.Gateway.Security.Normalization;
using OrleansMesh.Gateway.Snapshot;
using OrleansMesh.Gateway.Telemetry;

namespace OrleansMesh.Gateway.Pipeline;

/// <summary>
/// The request path, as an ordered list of steps named as Envoy's filters are. It reads the current
/// <see cref="GatewaySnapshot"/> once and hands that object to every step, so a request sees one config generation
/// from start to end. Each step does one job and either lets the request go on or refuses it with a typed
/// <see cref="Rejection"/>; every refusal is answered here, by <see cref="MeshAnswers"/>.
/// <list type="number">
/// <item>framing: <see cref="RequestFraming"/> (the connection-level check ran before, in Kestrel)</item>
/// <item>normalize: <see cref="PathNormalization"/></item>
/// <item>authn: <see cref="GatewayAuthentication"/></item>
/// <item>rbac (gateway): <see cref="GatewayAuthorization"/></item>
/// <item>router: <see cref="MeshRouter"/> (host, model body, route; then redirects and direct answers, or forward)</item>
/// <item>fault, ratelimit, pick destination, admission (breaker, pool), pick endpoint, rbac (endpoint), forward with
/// retries and fallback: <see cref="ResilientForwarder"/></item>
/// <item>account: <see cref="RequestTelemetry"/>, <see cref="InferenceGate.Complete"/></item>
/// </list>
/// Reads only the in-memory snapshot: no grain call, no lock.
/// </summary>
internal sealed class MeshRequestPipeline
{
    private readonly GatewaySnapshotStore _store;
    private readonly GatewayAuthentication _authentication;
    private readonly GatewayAuthorization _authorization;
    private readonly MeshRouter _router;
    private readonly RequestTelemetry _telemetry;
    private readonly InferenceGate _inference;

    public MeshRequestPipeline(
        GatewaySnapshotStore store,
        GatewayAuthentication authentication,
        GatewayAuthorization authorization,
        MeshRouter router,
        RequestTelemetry telemetry,
        InferenceGate inference)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(authentication);
        ArgumentNullException.ThrowIfNull(authorization);
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(telemetry);
        ArgumentNullException.ThrowIfNull(inference);
        _store = store;
        _authentication = authentication;
        _authorization = authorization;
        _router = router;
        _telemetry = telemetry;
        _inference = inference;
    }

    /// <summary>Serves one request, then records it (Istio's metrics, the access log, trace attributes).</summary>
    public async Task HandleAsync(HttpContext context)
    {
        // The one read of the config: every later step gets this object.
        var snapshot = _store.Current;
        var refused = RequestFraming.Check(context)
            ?? PathNormalization.Normalize(context)
            ?? await _authentication.AuthenticateAsync(context, snapshot.Security)
            ?? _authorization.Authorize(context, snapshot.Security);
        if (refused is not null)
        {
            // Refused before routing: answered, not counted in the request metrics (it has no destination).
            await MeshAnswers.WriteAsync(context, refused);
            return;
        }

        var started = _telemetry.Start();
        var decision = await _router.DecideAsync(context, snapshot);
        var route = decision.Route;
        var result = await _router.ActAsync(context, snapshot, decision);
        if (result.Rejection is { } rejection)
        {
            await MeshAnswers.WriteAsync(context, rejection);
        }

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
}
