using System.Diagnostics;
using OrleansMesh.Gateway.Telemetry;

namespace OrleansMesh.Gateway.Tests.Telemetry;

public sealed class MeshTracePropagatorTests
{
    private const string Trace = "463ac35c9f6413ad48485a3953bb6124";
    private const string Span = "a2fb4a1d1a96d312";

    [Theory]
    [InlineData("b3", $"{Trace}-{Span}-1", $"00-{Trace}-{Span}-01")]
    [InlineData("b3", $"{Trace}-{Span}-0", $"00-{Trace}-{Span}-00")]
    [InlineData("b3", $"{Trace}-{Span}-d-0020000000000001", $"00-{Trace}-{Span}-01")]
    [InlineData("b3", $"{Trace}-{Span}", $"00-{Trace}-{Span}-00")]
    [InlineData("b3", $"48485a3953bb6124-{Span}-1", $"00-000000000000000048485a3953bb6124-{Span}-01")]
    [InlineData("b3", $"463AC35C9F6413AD48485A3953BB6124-{Span}-1", $"00-{Trace}-{Span}-01")]
    public void ExtractTraceIdAndState_B3Single_IsTheTraceparentOfTheSameSpan(string header, string value, string expected)
    {
        Assert.Equal(expected, Extract(new() { [header] = value }));
    }

    [Fact]
    public void ExtractTraceIdAndState_B3Multiple_IsTheTraceparentOfTheSameSpan()
    {
        Assert.Equal($"00-{Trace}-{Span}-01", Extract(new() { ["X-B3-TraceId"] = Trace, ["X-B3-SpanId"] = Span, ["X-B3-Sampled"] = "1" }));
    }

    [Fact]
    public void ExtractTraceIdAndState_B3DebugFlag_IsSampled()
    {
        Assert.Equal($"00-{Trace}-{Span}-01", Extract(new() { ["X-B3-TraceId"] = Trace, ["X-B3-SpanId"] = Span, ["X-B3-Flags"] = "1" }));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("0")]
    [InlineData($"{Trace}")]
    [InlineData($"{Trace}-xyz4a1d1a96d312-1")]
    [InlineData($"463ac35c9f-{Span}-1")]
    [InlineData($"00000000000000000000000000000000-{Span}-1")]
    [InlineData($"{Trace}-0000000000000000-1")]
    public void ExtractTraceIdAndState_B3WithoutAValidParent_IsNoParent(string value)
    {
        Assert.Null(Extract(new() { ["b3"] = value }));
    }

    [Fact]
    public void ExtractTraceIdAndState_BothW3CAndB3_PrefersTraceparent()
    {
        var traceparent = $"00-{"0af7651916cd43dd8448eb211c80319c"}-{"b7ad6b7169203331"}-01";

        Assert.Equal(traceparent, Extract(new() { ["traceparent"] = traceparent, ["b3"] = $"{Trace}-{Span}-1" }));
    }

    [Fact]
    public void Inject_RequestWithB3_ReplacesTheClientsHeadersWithTheActivitysInTheSameStyle()
    {
        using var message = new HttpRequestMessage();
        message.Headers.Add("X-B3-TraceId", Trace);
        message.Headers.Add("X-B3-SpanId", Span);
        using var activity = new Activity("attempt").SetParentId(ActivityTraceId.CreateFromString(Trace), ActivitySpanId.CreateFromString(Span), ActivityTraceFlags.Recorded).Start();

        MeshTracePropagator.Instance.Inject(activity, message, (carrier, name, value) => ((HttpRequestMessage)carrier!).Headers.TryAddWithoutValidation(name, value));

        Assert.Equal(Trace, Assert.Single(message.Headers.GetValues("X-B3-TraceId")));
        Assert.Equal(activity.SpanId.ToHexString(), Assert.Single(message.Headers.GetValues("X-B3-SpanId")));
        Assert.Equal(Span, Assert.Single(message.Headers.GetValues("X-B3-ParentSpanId")));
        Assert.Equal("1", Assert.Single(message.Headers.GetValues("X-B3-Sampled")));
        Assert.Equal($"00-{Trace}-{activity.SpanId.ToHexString()}-01", Assert.Single(message.Headers.GetValues("traceparent")));
    }

    [Fact]
    public void Inject_RequestWithoutB3_AddsNoB3()
    {
        using var message = new HttpRequestMessage();
        using var activity = new Activity("attempt").Start();

        MeshTracePropagator.Instance.Inject(activity, message, (carrier, name, value) => ((HttpRequestMessage)carrier!).Headers.TryAddWithoutValidation(name, value));

        Assert.False(message.Headers.Contains("b3"));
        Assert.False(message.Headers.Contains("X-B3-TraceId"));
        Assert.True(message.Headers.Contains("traceparent"));
    }

    [Fact]
    public void Inject_RemovesEveryTraceHeaderTheClientSent_KeepsOthers()
    {
        using var message = new HttpRequestMessage();
        message.Headers.TryAddWithoutValidation("TraceParent", $"00-{Trace}-{Span}-01");
        message.Headers.TryAddWithoutValidation("tracestate", "vendor=1");
        message.Headers.TryAddWithoutValidation("x-b3-spanid", Span);
        message.Headers.TryAddWithoutValidation("X-B3-Sampled", "1");
        message.Headers.TryAddWithoutValidation("x-tenant", "a");
        using var activity = new Activity("attempt").Start();

        MeshTracePropagator.Instance.Inject(activity, message, (carrier, name, value) => ((HttpRequestMessage)carrier!).Headers.TryAddWithoutValidation(name, value));

        Assert.False(message.Headers.Contains("tracestate"));
        Assert.False(message.Headers.Contains("X-B3-SpanId"));
        Assert.False(message.Headers.Contains("X-B3-Sampled"));
        Assert.Equal($"00-{activity.TraceId.ToHexString()}-{activity.SpanId.ToHexString()}-00", Assert.Single(message.Headers.GetValues("traceparent")));
        Assert.Equal("a", Assert.Single(message.Headers.GetValues("x-tenant")));
    }

    private static string? Extract(Dictionary<string, string> headers)
    {
        MeshTracePropagator.Instance.ExtractTraceIdAndState(
            headers,
            (carrier, name, out value, out values) =>
            {
                values = null;
                value = ((Dictionary<string, string>)carrier!).FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
            },
            out var traceId,
            out _);
        return traceId;
    }
}
