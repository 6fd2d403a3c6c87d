using OrleansMesh.Gateway.Routing;
using Yarp.ReverseProxy.Forwarder;

namespace OrleansMesh.Gateway.Forwarding;

/// <summary>
/// The request path: host → route → weighted destination → endpoint from the current snapshot, then YARP forwards.
/// Reads only the in-memory snapshot: no grain call, no lock.
/// </summary>
internal sealed partial class MeshProxyHandler
{
    private readonly RoutingSnapshotStore _store;
    private readonly IHttpForwarder _forwarder;
    private readonly HttpMessageInvoker _client;
    private readonly TimeProvider _time;
    private readonly ILogger<MeshProxyHandler> _logger;

    public MeshProxyHandler(RoutingSnapshotStore store, IHttpForwarder forwarder, UpstreamHttpClient client, TimeProvider time, ILogger<MeshProxyHandler> logger)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(forwarder);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _store = store;
        _forwarder = forwarder;
        _client = client.Invoker;
        _time = time;
        _logger = logger;
    }

    public Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var snapshot = _store.Current;
        var host = snapshot.FindHost(request.Host.Value ?? "");
        if (host is null)
        {
            return _store.IsLoaded
                ? MeshErrorResponses.WriteAsync(context, StatusCodes.Status404NotFound, "NR", "unknown_host", $"no service or VirtualService for host '{request.Host.Value}'")
                : MeshErrorResponses.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "NC", "no_config", "the gateway has not received its config from the control plane yet");
        }

        var route = host.Route(request, out var matchIndex);
        return route?.Action switch
        {
            ForwardAction forward => ForwardAsync(context, route, forward, matchIndex),
            RedirectAction redirect => RedirectAsync(context, redirect),
            DirectResponseAction direct => DirectAsync(context, direct),
            _ => MeshErrorResponses.WriteAsync(context, StatusCodes.Status404NotFound, "NR", "no_route", $"no route of host '{host.Name}' matches {request.Method} {request.Path}"),
        };
    }

    private async Task ForwardAsync(HttpContext context, CompiledRoute route, ForwardAction action, int matchIndex)
    {
        var destination = action.Destinations.Length == 1 ? action.Destinations[0] : action.Pick(Random.Shared.Next(action.TotalWeight));
        var cluster = destination.Cluster;
        var endpoint = cluster.PickEndpoint();
        if (endpoint is null)
        {
            await MeshErrorResponses.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "UH", "no_healthy_upstream", $"no healthy endpoint in {cluster.Name} (route {route.Name})");
            return;
        }

        // Istio: a zero timeout means none.
        using var timeout = action.Timeout is { } limit && limit > TimeSpan.Zero ? new CancellationTokenSource(limit, _time) : null;
        endpoint.State.OnRequestStarted();
        ForwarderError error;
        try
        {
            error = await _forwarder.SendAsync(context, endpoint.DestinationPrefix, _client, cluster.RequestConfig, destination.Transformer(matchIndex), timeout?.Token ?? CancellationToken.None);
        }
        finally
        {
            endpoint.State.OnRequestFinished();
        }

        if (error != ForwarderError.None)
        {
            await OnForwardErrorAsync(context, error, timeout?.IsCancellationRequested == true, endpoint.DestinationPrefix, route.Name);
        }
    }

    private Task OnForwardErrorAsync(HttpContext context, ForwarderError error, bool timedOut, string endpoint, string routeName)
    {
        if (context.RequestAborted.IsCancellationRequested)
        {
            return Task.CompletedTask;
        }

        LogForwardError(error, endpoint, routeName);
        if (timedOut || error == ForwarderError.RequestTimedOut)
        {
            return MeshErrorResponses.WriteAsync(context, StatusCodes.Status504GatewayTimeout, "UT", "upstream_timeout", $"upstream request timeout ({endpoint}, route {routeName})");
        }

        return error == ForwarderError.Request
            ? MeshErrorResponses.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "UF", "upstream_connect_failure", $"upstream connect error or disconnect/reset before headers ({endpoint})")
            : MeshErrorResponses.WriteAsync(context, StatusCodes.Status502BadGateway, "UC", "upstream_error", $"upstream error {error} ({endpoint})");
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

    [LoggerMessage(Level = LogLevel.Debug, Message = "Forwarding to {Endpoint} on route {Route} failed: {Error}")]
    private partial void LogForwardError(ForwarderError error, string endpoint, string route);
}
