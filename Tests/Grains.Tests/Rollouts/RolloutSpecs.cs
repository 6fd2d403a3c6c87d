using System.Collections.Immutable;
using OrleansMesh.Rollouts;
using OrleansMesh.Telemetry;

namespace OrleansMesh.Grains.Tests.Rollouts;

/// <summary>Rollouts and telemetry as the tests need them.</summary>
internal static class RolloutSpecs
{
    public static Rollout Rollout(string name = "chat", string host = "chat-model", string canary = "v2", int stepWeight = 10, int maxWeight = 50, int threshold = 3, int minRequests = 20, TimeSpan? interval = null) => new()
    {
        Metadata = new() { Name = name, Namespace = "default" },
        Spec = new RolloutSpec
        {
            Host = host,
            Stable = "v1",
            Canary = canary,
            Analysis = new RolloutAnalysis
            {
                Interval = interval ?? TimeSpan.FromSeconds(10),
                Threshold = threshold,
                StepWeight = stepWeight,
                MaxWeight = maxWeight,
                MinRequests = minRequests,
                Metrics =
                [
                    new RolloutMetric { Name = RolloutMetricNames.RequestSuccessRate, ThresholdRange = new ThresholdRange { Min = 99 } },
                    new RolloutMetric { Name = RolloutMetricNames.RequestDuration, ThresholdRange = new ThresholdRange { Max = 500 } },
                    new RolloutMetric { Name = RolloutMetricNames.TimeToFirstToken, ThresholdRange = new ThresholdRange { Max = 800 } },
                    new RolloutMetric { Name = RolloutMetricNames.RelativeSuccessRate, ThresholdRange = new ThresholdRange { Min = -1 } },
                ],
            },
        },
    };

    /// <summary>A window's telemetry: the stable and canary subsets with their requests, 5xx and latency.</summary>
    public static ServiceTelemetry Window(string host, (long Requests, long Errors, double LatencyMs) stable, (long Requests, long Errors, double LatencyMs) canary) => new()
    {
        Host = host,
        Subsets = [Sample(host, "v1", stable), Sample(host, "v2", canary)],
    };

    public static DestinationSample Sample(string host, string subset, (long Requests, long Errors, double LatencyMs) figures)
    {
        var buckets = new long[LatencySketch.BucketCount];
        buckets[LatencySketch.BucketOf(figures.LatencyMs)] = figures.Requests;
        var latency = LatencySketch.FromBuckets(buckets);
        return new DestinationSample
        {
            Host = host,
            Subset = subset,
            Requests = figures.Requests,
            Success = figures.Requests - figures.Errors,
            ServerErrors = figures.Errors,
            Latency = latency,
        };
    }

    public static RolloutCheck Check(RolloutCheckVerdict verdict, DateTimeOffset at) => new()
    {
        At = at,
        Verdict = verdict,
        Metrics = verdict == RolloutCheckVerdict.Failed
            ? [new RolloutMetricResult { Name = RolloutMetricNames.RequestSuccessRate, Value = 80, Range = new ThresholdRange { Min = 99 } }]
            : ImmutableArray<RolloutMetricResult>.Empty,
    };
}
