using System.Diagnostics.Metrics;
using OrleansMesh.Gateway.Inference;

namespace OrleansMesh.Gateway.Tests.Inference;

public sealed class GenAiMetricsTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = [];
    private readonly GenAiMetrics _metrics;

    public GenAiMetricsTests()
    {
        var meters = _services.GetRequiredService<IMeterFactory>();
        _metrics = new GenAiMetrics(meters);

        // Only this test's meter: other tests may record through meters of the same name in parallel.
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == GenAiMetricNames.MeterName && ReferenceEquals(instrument.Meter.Scope, meters))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Add(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Add(i, v, tags));
        _listener.Start();
    }

    [Fact]
    public void Record_ChatWithUsage_RecordsInputAndOutputTokensWithTheirType()
    {
        _metrics.Record(new InferenceRequest("chat-large", false, 16, 100) { Usage = new TokenUsage(12, 34), ResponseModel = "chat-large-v2" }, TimeSpan.FromSeconds(1), 200);

        var tokens = _measurements.Where(m => m.Instrument == GenAiMetricNames.TokenUsage).ToArray();
        Assert.Equal([("input", 12.0), ("output", 34.0)], tokens.Select(t => ((string)t.Tags[GenAiMetricNames.TokenType]!, t.Value)).Order());
        Assert.All(tokens, t => Assert.Equal(("chat", "openai", "chat-large", "chat-large-v2"), (t.Tags[GenAiMetricNames.OperationName], t.Tags[GenAiMetricNames.ProviderName], t.Tags[GenAiMetricNames.RequestModel], t.Tags[GenAiMetricNames.ResponseModel])));
    }

    [Fact]
    public void Record_Embeddings_RecordsInputTokensOnly()
    {
        _metrics.Record(new InferenceRequest("embed", false, null, 10) { Operation = InferenceOperation.Embeddings, Usage = new TokenUsage(5, 0) }, TimeSpan.FromSeconds(1), 200);

        var token = Assert.Single(_measurements, m => m.Instrument == GenAiMetricNames.TokenUsage);
        Assert.Equal(("input", "embeddings"), (token.Tags[GenAiMetricNames.TokenType], token.Tags[GenAiMetricNames.OperationName]));
    }

    [Fact]
    public void Record_NoUsage_RecordsNoTokens()
    {
        _metrics.Record(new InferenceRequest("m", false, null, 10), TimeSpan.FromSeconds(1), 200);

        Assert.DoesNotContain(_measurements, m => m.Instrument == GenAiMetricNames.TokenUsage);
    }

    [Fact]
    public void Record_SuccessfulStream_RecordsTimeToFirstTokenInSeconds()
    {
        _metrics.Record(new InferenceRequest("m", true, null, 10) { TimeToFirstToken = TimeSpan.FromMilliseconds(250) }, TimeSpan.FromSeconds(2), 200);

        Assert.Equal(0.25, Assert.Single(_measurements, m => m.Instrument == GenAiMetricNames.TimeToFirstToken).Value);
    }

    [Fact]
    public void Record_NotStreamed_RecordsNoTimeToFirstToken()
    {
        _metrics.Record(new InferenceRequest("m", false, null, 10) { TimeToFirstToken = TimeSpan.FromMilliseconds(250) }, TimeSpan.FromSeconds(2), 200);

        Assert.DoesNotContain(_measurements, m => m.Instrument == GenAiMetricNames.TimeToFirstToken);
    }

    [Theory]
    [InlineData(503, "503")]
    [InlineData(0, "cancelled")]
    public void Record_Failed_DurationCarriesTheErrorType(int status, string errorType)
    {
        _metrics.Record(new InferenceRequest("m", true, null, 10) { TimeToFirstToken = TimeSpan.FromMilliseconds(1) }, TimeSpan.FromSeconds(2), status);

        var duration = Assert.Single(_measurements, m => m.Instrument == GenAiMetricNames.RequestDuration);
        Assert.Equal((2.0, errorType), (duration.Value, duration.Tags[GenAiMetricNames.ErrorType]));
        Assert.DoesNotContain(_measurements, m => m.Instrument == GenAiMetricNames.TimeToFirstToken);
    }

    [Fact]
    public void Record_Succeeded_DurationHasNoErrorType()
    {
        _metrics.Record(new InferenceRequest("m", false, null, 10), TimeSpan.FromSeconds(3), 200);

        var duration = Assert.Single(_measurements, m => m.Instrument == GenAiMetricNames.RequestDuration);
        Assert.Equal(3.0, duration.Value);
        Assert.False(duration.Tags.ContainsKey(GenAiMetricNames.ErrorType));
    }

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        _measurements.Add((instrument.Name, value, copy));
    }
}
