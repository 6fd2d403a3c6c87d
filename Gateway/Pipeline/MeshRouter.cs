using OrleansMesh.Gateway.Inference;
using OrleansMesh.Gateway.Model;
using OrleansMesh.Gateway.Routing;
using OrleansMesh.Gateway.Snapshot;

namespace OrleansMesh.Gateway.Pipeline;

/// <summary>
/// Envoy's router filter, the last step: the host's virtual host, the model read from an OpenAI-compatible body (routes
/// match on it), the first matching route (<see cref="DecideAsync"/>), then its action: redirect, direct answer, or
/// forward (<see cref="ActAsync"/>). Two calls rather than one, so neither needs an async frame of its own: the body is
/// almost always read at once, and the forward is the forwarder's own task.
/// </summary>
internal sealed class MeshRouter(ResilientForwarder forwarder, InferenceGate inference)
{
    /// <summary>The route for the request, or why there is none.</summary>
    public ValueTask<RouteDecision> DecideAsync(HttpContext context, GatewaySnapshot snapshot)
    {
        var request = context.Request;
        var host = snapshot.Routing.FindHost(request.Host.Value ?? "");
        if (host is null)
        {
            return ValueTask.FromResult(new RouteDecision(null, null, 0, snapshot.IsLoaded
                ? new Rejection(RejectionKind.UnknownHost, $"no service or VirtualService for host '{request.Host.Value}'")
                : new Rejection(RejectionKind.NoConfig, "the gateway has not received its config from the control plane yet")));
        }

        // OpenAI-compatible paths: the body's model becomes the x-mesh-model header routes match on (or a 400 here).
        var prepared = inference.PrepareAsync(context);
        return prepared.IsCompletedSuccessfully
            ? ValueTask.FromResult(Match(request, host, prepared.Result))
            : MatchAfterBodyAsync(request, host, prepared);
    }

    /// <summary>Carries out the route's action; the result names the refusal when there is one to answer.</summary>
    public ValueTask<ForwardResult> ActAsync(HttpContext context, GatewaySnapshot snapshot, RouteDecision decision)
    {
        if (decision.Refusal is { } refusal)
        {
            return ValueTask.FromResult(ForwardResult.Refused(refusal));
        }

        var request = context.Request;
        switch (decision.Route!.Action)
        {
            case ForwardAction forward:
                return forwarder.ForwardAsync(context, snapshot.Security, decision.Route, forward, decision.MatchIndex);
            case RedirectAction redirect:
                context.Response.StatusCode = redirect.StatusCode;
                context.Response.Headers.Location = redirect.Location(request);
                return default;
            case DirectResponseAction direct:
                context.Response.StatusCode = direct.StatusCode;
                return direct.Body.IsEmpty ? default : WriteBodyAsync(context, direct.Body);
            default:
                return ValueTask.FromResult(ForwardResult.Refused(NoRoute(decision.Host!, request)));
        }
    }

    private static async ValueTask<RouteDecision> MatchAfterBodyAsync(HttpRequest request, VirtualHost host, ValueTask<Rejection?> prepared) =>
        Match(request, host, await prepared);

    private static RouteDecision Match(HttpRequest request, VirtualHost host, Rejection? refusedBody)
    {
        if (refusedBody is not null)
        {
            return new RouteDecision(host, null, 0, refusedBody);
        }

        var route = host.Route(request, out var matchIndex);
        return route is null
            ? new RouteDecision(host, null, 0, NoRoute(host, request))
            : new RouteDecision(host, route, matchIndex, null);
    }

    private static Rejection NoRoute(VirtualHost host, HttpRequest request) =>
        new(RejectionKind.NoRoute, $"no route of host '{host.Name}' matches {request.Method} {request.Path}");

    private static async ValueTask<ForwardResult> WriteBodyAsync(HttpContext context, ReadOnlyMemory<byte> body)
    {
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
        return default;
    }
}
