using OrleansMesh.Gateway.Telemetry;

namespace OrleansMesh.Gateway.Tests.Telemetry;

public sealed class LiveTelemetryTests
{
    private readonly LiveTelemetry _live = new();

    [Fact]
    public void Collect_RecordedRequests_OneSamplePerDestinationWithClassesTokensAndHistograms()
    {
        _live.Record("chat", "v1", "127.0.0.1:9001", 200, null, TimeSpan.FromMilliseconds(40), TimeSpan.FromMilliseconds(12), 100, 20);
        _live.Record("chat", "v1", "127.0.0.1:9001", 503, "UO", TimeSpan.FromMilliseconds(1), null, 0, 0);
        _live.Record("chat", "v1", "127.0.0.1:9001", 404, null, TimeSpan.FromMilliseconds(2), null, 0, 0);
        _live.Record("chat", "v2", "127.0.0.1:9002", 0, null, TimeSpan.FromMilliseconds(5), null, 0, 0);

        var samples = _live.Collect(forgetIdleAfter: 10)["chat"].OrderBy(s => s.Subset).ToArray();

        var v1 = samples[0];
        Assert.Equal((3L, 1L, 1L, 1L, 0L), (v1.Requests, v1.Success, v1.ClientErrors, v1.ServerErrors, v1.Cancelled));
        Assert.Equal((100L, 20L), (v1.InputTokens, v1.OutputTokens));
        Assert.Equal(1, v1.Flags["UO"]);
        Assert.Equal(3, v1.Latency.Count);
        Assert.Equal(1, v1.TimeToFirstToken.Count);
        Assert.InRange(v1.TimeToFirstToken.Quantile(0.5)!.Value, 12 * 0.98, 12 * 1.02);
        Assert.Equal(1, samples[1].Cancelled);
    }

    [Fact]
    public void Collect_Twice_SecondHoldsOnlyWhatCameSince()
    {
        _live.Record("chat", null, null, 200, null, TimeSpan.FromMilliseconds(3), null, 0, 0);
        _live.Collect(10);
        _live.Record("chat", null, null, 500, "UF", TimeSpan.FromMilliseconds(3), null, 0, 0);

        var sample = Assert.Single(_live.Collect(10)["chat"]);

        Assert.Equal((1L, 0L, 1L), (sample.Requests, sample.Success, sample.ServerErrors));
        Assert.Equal(1, sample.Latency.Count);
        Assert.Equal(1, sample.Flags["UF"]);
    }

    [Fact]
    public void Collect_NothingNew_NoSample()
    {
        _live.Record("chat", null, null, 200, null, TimeSpan.FromMilliseconds(3), null, 0, 0);
        _live.Collect(10);

        Assert.Empty(_live.Collect(10));
    }

    [Fact]
    public void Record_ManyThreads_EveryRequestCountedOnce()
    {
        Parallel.For(0, 8, _ =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                _live.Record("chat", "v1", "e", 200, null, TimeSpan.FromMilliseconds(i % 100), null, 1, 1);
            }
        });

        var sample = Assert.Single(_live.Collect(10)["chat"]);
        Assert.Equal((80_000L, 80_000L, 80_000L), (sample.Requests, sample.Latency.Count, sample.InputTokens));
    }
}
