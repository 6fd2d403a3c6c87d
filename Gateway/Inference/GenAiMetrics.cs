using System.Diagnostics;
using System.Diagnostics.Metrics;
using OrleansMesh.Gateway.Telemetry;

namespace OrleansMesh.Gateway.Inference;

/// <summary>
/// OpenTelemetry's GenAI metrics of model-inference requests through the gateway: tokens used (from the model server's
/// <c>usage</c>), time to the first streamed bytes, and request duration, by requested (and answering) model.
/// Allocation-free per request (a <see cref="System.Diagnostics.TagList"/> holds up to eight tags inline).
/// </summary>
internal sealed class GenAiMetrics
{
    private readonly Histogram<long> _tokens;
    private readonly Histogram<double> _timeToFirstToken;
    private readonly Histogram<double> _duration;

    public GenAiMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(GenAiMetricNames.MeterName);
        _tokens = meter.CreateHistogram(
            GenAiMetricNames.TokenUsage, GenAiMetricNames.TokenUnit, "Number of input and output tokens used.",
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = GenAiMetricNames.TokenBuckets });
        _timeToFirstToken = meter.CreateHistogram(
            GenAiMetricNames.TimeToFirstToken, GenAiMetricNames.SecondsUnit, "Time to the first bytes of a successful streamed response.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = GenAiMetricNames.TimeToFirstTokenBuckets });
        _duration = meter.CreateHistogram(
            GenAiMetricNames.RequestDuration, GenAiMetricNames.SecondsUnit, "Generative AI request duration, to the last byte of the response.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = GenAiMetricNames.DurationBuckets });
    }

    /// <summary>Records one finished request that reached a model server.</summary>
    /// <param name="request">What the gateway learnt from its body and response.</param>
    /// <param name="duration">From the gateway starting on it to the end of its response.</param>
    /// <param name="statusCode">The client's status code, 0 if the client left first.</param>
    public void Record(InferenceRequest request, TimeSpan duration, int statusCode)
    {
        ArgumentNullException.ThrowIfNull(request);
        var tags = new TagList
        {
            { GenAiMetricNames.OperationName, GenAiMetricNames.Operation(request.Operation) },
            { GenAiMetricNames.ProviderName, GenAiMetricNames.OpenAi },
            { GenAiMetricNames.RequestModel, request.Model },
        };
        if (request.ResponseModel is { } responseModel)
        {
            tags.Add(GenAiMetricNames.ResponseModel, responseModel);
        }

        if (request.Usage is { } usage && _tokens.Enabled)
        {
            var input = tags;
            input.Add(GenAiMetricNames.TokenType, GenAiMetricNames.Input);
            _tokens.Record(usage.InputTokens, input);

            // Embeddings generate no tokens: their usage has no completion_tokens.
            if (request.Operation != InferenceOperation.Embeddings)
            {
                var output = tags;
                output.Add(GenAiMetricNames.TokenType, GenAiMetricNames.Output);
                _tokens.Record(usage.OutputTokens, output);
            }
        }

        var succeeded = statusCode is >= 200 and < 300;
        if (succeeded && request.Stream && request.TimeToFirstToken is { } firstToken)
        {
            _timeToFirstToken.Record(firstToken.TotalSeconds, tags);
        }

        if (!succeeded)
        {
            tags.Add(GenAiMetricNames.ErrorType, statusCode == 0 ? GenAiMetricNames.Cancelled : StatusCodeLabels.Of(statusCode));
        }

        _duration.Record(duration.TotalSeconds, tags);
    }
}
