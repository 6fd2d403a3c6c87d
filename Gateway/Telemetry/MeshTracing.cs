using System.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace OrleansMesh.Gateway.Telemetry;

/// <summary>
/// The gateway's spans: ASP.NET Core's server span per request (annotated here with what the mesh decided) and
/// HttpClient's client span per upstream attempt, whose <c>traceparent</c> the upstream receives.
/// </summary>
internal static class MeshTracing
{
    public const string SourceName = "OrleansMesh.Gateway";

    public const string RouteTag = "mesh.route";
    public const string VirtualServiceTag = "mesh.virtual_service";
    public const string DestinationTag = "mesh.destination";
    public const string SubsetTag = "mesh.subset";
    public const string EndpointTag = "mesh.endpoint";
    public const string AttemptsTag = "mesh.retry.attempts";
    public const string BreakerTag = "mesh.breaker";
    public const string ResponseFlagsTag = "mesh.response_flags";

    /// <summary>For spans of the gateway's own (none yet on the request path; ASP.NET Core and HttpClient make those).</summary>
    public static ActivitySource Source { get; } = new(SourceName);

    /// <summary>The request's server span, if it is being recorded (sampled and listened to); null otherwise.</summary>
    public static Activity? ServerSpan(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var activity = context.Features.Get<IHttpActivityFeature>()?.Activity;
        return activity is { IsAllDataRequested: true } ? activity : null;
    }

    /// <summary>Records the route chosen: VirtualService, route name, destination host and subset.</summary>
    public static void SetRoute(HttpContext context, string? virtualService, string? route, string? destination, string? subset)
    {
        if (ServerSpan(context) is not { } span)
        {
            return;
        }

        span.SetTag(VirtualServiceTag, virtualService);
        span.SetTag(RouteTag, route);
        span.SetTag(DestinationTag, destination);
        span.SetTag(SubsetTag, subset);
    }

    /// <summary>
    /// Records how forwarding went: the last endpoint tried, the attempts made, the breaker's decision
    /// (e.g. <c>allowed</c>, <c>rejected</c>, <c>probe</c>) and Envoy's response flags.
    /// </summary>
    public static void SetOutcome(HttpContext context, string? endpoint, int attempts, string? breaker, string? responseFlags)
    {
        if (ServerSpan(context) is not { } span)
        {
            return;
        }

        span.SetTag(EndpointTag, endpoint);
        span.SetTag(AttemptsTag, attempts);
        span.SetTag(BreakerTag, breaker);
        span.SetTag(ResponseFlagsTag, responseFlags);
    }

    /// <summary>
    /// The W3C trace id of the request's span (for the access log), or null when none is recorded. With tracing off
    /// there is no span: then the trace the client sampled (<c>traceparent</c>, or B3), which it passes on unchanged.
    /// </summary>
    public static string? TraceId(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if ((context.Features.Get<IHttpActivityFeature>()?.Activity ?? Activity.Current) is { } activity)
        {
            return activity.Recorded ? activity.TraceId.ToHexString() : null;
        }

        MeshTracePropagator.Instance.ExtractTraceIdAndState(context.Request.Headers, ReadHeader, out var parent, out _);
        return ActivityContext.TryParse(parent, null, out var client) && client.TraceFlags.HasFlag(ActivityTraceFlags.Recorded)
            ? client.TraceId.ToHexString()
            : null;
    }

    private static void ReadHeader(object? carrier, string name, out string? value, out IEnumerable<string>? values)
    {
        values = null;
        value = carrier is IHeaderDictionary headers && headers.TryGetValue(name, out var found) ? found.ToString() : null;
    }
}
