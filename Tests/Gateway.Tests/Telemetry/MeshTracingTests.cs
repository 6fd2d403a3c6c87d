using System.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using OrleansMesh.Gateway.Telemetry;

namespace OrleansMesh.Gateway.Tests.Telemetry;

/// <summary>
/// The access log's trace id: the request's recorded span's, or with tracing off (no span) the trace the client
/// sampled, as W3C <c>traceparent</c> or B3.
/// </summary>
public sealed class MeshTracingTests
{
    private const string Trace = "4bf92f3577b34da6a3ce929d0e0e4736";

    [Fact]
    public void TraceId_NoSpan_SampledTraceparent_IsTheClientsTrace()
    {
        Assert.Equal(Trace, MeshTracing.TraceId(Request(("traceparent", $"00-{Trace}-00f067aa0ba902b7-01"))));
    }

    [Fact]
    public void TraceId_NoSpan_UnsampledTraceparent_IsNull()
    {
        Assert.Null(MeshTracing.TraceId(Request(("traceparent", $"00-{Trace}-00f067aa0ba902b7-00"))));
    }

    [Fact]
    public void TraceId_NoSpan_SampledB3_IsTheClientsTrace()
    {
        var context = Request(("X-B3-TraceId", "a3ce929d0e0e4736"), ("X-B3-SpanId", "00f067aa0ba902b7"), ("X-B3-Sampled", "1"));

        Assert.Equal("0000000000000000a3ce929d0e0e4736", MeshTracing.TraceId(context));
    }

    [Fact]
    public void TraceId_NoSpanAndNoTraceHeaders_IsNull()
    {
        Assert.Null(MeshTracing.TraceId(Request()));
    }

    [Fact]
    public void TraceId_MalformedTraceparent_IsNull()
    {
        Assert.Null(MeshTracing.TraceId(Request(("traceparent", "00-not-a-trace-01"))));
    }

    [Fact]
    public void TraceId_RecordedSpan_IsTheSpansTrace()
    {
        using var span = new Activity("request");
        span.ActivityTraceFlags = ActivityTraceFlags.Recorded;
        span.SetIdFormat(ActivityIdFormat.W3C);
        span.Start();
        var context = Request(("traceparent", $"00-{Trace}-00f067aa0ba902b7-01"));
        context.Features.Set<IHttpActivityFeature>(new ActivityFeature(span));

        Assert.Equal(span.TraceId.ToHexString(), MeshTracing.TraceId(context));
    }

    private static DefaultHttpContext Request(params (string Name, string Value)[] headers)
    {
        var context = new DefaultHttpContext();
        foreach (var (name, value) in headers)
        {
            context.Request.Headers[name] = value;
        }

        return context;
    }

    private sealed class ActivityFeature(Activity activity) : IHttpActivityFeature
    {
        public Activity Activity { get; set; } = activity;
    }
}
