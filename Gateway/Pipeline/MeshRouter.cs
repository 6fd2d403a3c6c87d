using System.Runtime.CompilerServices;
using OrleansMesh.Gateway.Inference;
using OrleansMesh.Gateway.Model;
using OrleansMesh.Gateway.Routing;
using OrleansMesh.Gateway.Snapshot;

namespace OrleansMesh.Gateway.Pipeline;

/// <summary>
/// Envoy's router filter, the last step: the host's virtual host, the model read from an OpenAI-compatible body (routes
/// match on it), the first matching route, then its action: redirect, direct answer, or forward.
/// </summary>
internal sealed class MeshRouter(ResilientForwarder forwarder, InferenceGate inference)
{
    // Pooled: a forwarded request always completes asynchronously, and the pipeline awaits it exactly once.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<(CompiledRoute? Route, ForwardResult Result)> RouteAsync(HttpContext context, GatewaySnapshot snapshot)
    {
        var request = context.Request;
        var host = snapshot.Routing.FindHost(request.Host.Value ?? "");
        if (host is null)
        {
            return (null, ForwardResult.Refused(snapshot.IsLoaded
                ? new Rejection(RejectionKind.UnknownHost, $"no service or VirtualService for host '{request.Host.Value}'")
                : new Rejection(RejectionKind.NoConfig, "the gateway has not received its config from the control plane yet")));
        }

        // OpenAI-compatible paths: the body's model becomes the x-mesh-model header routes match on (or a 400 here).
        if (await inference.PrepareAsync(context) is { } refused)
        {
            return (null, ForwardResult.Refused(refused));
        }

        var route = host.Route(request, out var matchIndex);
        switch (route?.Action)
        {
            case ForwardAction forward:
                return (route, await forwarder.ForwardAsync(context, snapshot.Security, route, forward, matchIndex));
            case RedirectAction redirect:
                context.Response.StatusCode = redirect.StatusCode;
                context.Response.Headers.Location = redirect.Location(request);
                break;
            case DirectResponseAction direct:
                context.Response.StatusCode = direct.StatusCode;
                if (!direct.Body.IsEmpty)
                {
                    await context.Response.Body.WriteAsync(direct.Body, context.RequestAborted);
                }

                break;
            default:
                return (route, ForwardResult.Refused(new Rejection(RejectionKind.NoRoute, $"no route of host '{host.Name}' matches {request.Method} {request.Path}")));
        }

        return (route, default);
    }
}
