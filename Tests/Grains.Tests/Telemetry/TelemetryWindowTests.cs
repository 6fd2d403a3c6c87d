using Microsoft.Extensions.Time.Testing;
using OrleansMesh.Grains.Telemetry;
using OrleansMesh.Telemetry;

namespace OrleansMesh.Grains.Tests.Telemetry;

public sealed class TelemetryWindowTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
    private readonly TelemetryWindow _window;

    public TelemetryWindowTests() => _window = new TelemetryWindow(_time);

    private long Now => _time.GetUtcNow().ToUnixTimeSeconds();

    [Fact]
    public void Query_TwoGatewaysSameSecond_AddsTheirSamples()
    {
        _window.Add(Report("gw-a", Now, Sample("v1", "10.0.0.1:80", requests: 10, errors: 1)));
        _window.Add(Report("gw-b", Now, Sample("v1", "10.0.0.2:80", requests: 30, errors: 0)));

        var telemetry = _window.Query("chat", TimeSpan.FromSeconds(30));

        var v1 = telemetry.Subset("v1");
        Assert.Equal((40L, 1L, 2), (v1.Requests, v1.ServerErrors, telemetry.Gateways));
        Assert.Equal(2, telemetry.Endpoints.Length);
    }

    [Fact]
    public void Query_Window_LeavesOutOlderSeconds()
    {
        _window.Add(Report("gw", Now - 40, Sample("v1", "e", requests: 5)));
        _window.Add(Report("gw", Now - 10, Sample("v1", "e", requests: 7)));

        Assert.Equal(7, _window.Query("chat", TimeSpan.FromSeconds(30)).Subset("v1").Requests);
        Assert.Equal(12, _window.Query("chat", TimeSpan.FromMinutes(1)).Subset("v1").Requests);
    }

    [Fact]
    public void Query_AfterFifteenMinutes_SecondsFoldedIntoMinutesCountOnce()
    {
        _window.Add(Report("gw", Now, Sample("v2", "e", requests: 3)));
        _time.Advance(TimeSpan.FromMinutes(20));
        _window.Add(Report("gw", Now, Sample("v2", "e", requests: 4)));

        Assert.Equal(4, _window.Query("chat", TimeSpan.FromMinutes(15)).Subset("v2").Requests);
        Assert.Equal(7, _window.Query("chat", TimeSpan.FromMinutes(30)).Subset("v2").Requests);
    }

    [Fact]
    public void Series_Steps_PutEachSecondInItsStepBySubset()
    {
        _window.Add(Report("gw-a", Now - 25, Sample("v1", "10.0.0.1:80", requests: 4)));
        _window.Add(Report("gw-b", Now - 21, Sample("v1", "10.0.0.2:80", requests: 6)));
        _window.Add(Report("gw-a", Now, Sample("v2", "10.0.0.3:80", requests: 5)));

        var series = _window.Series("chat", TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(10));

        Assert.Equal([Now - 20, Now - 10, Now], series.Select(p => p.Until));
        Assert.Equal((10L, ""), (series[0].Subset("v1").Requests, series[0].Subset("v1").Endpoint));
        Assert.Empty(series[1].Subsets);
        Assert.Equal(5, series[2].Subset("v2").Requests);
    }

    [Fact]
    public void Add_LateReport_LandsInItsOwnSecond()
    {
        _window.Add(Report("gw", Now - 5, Sample("v1", "e", requests: 2)));

        Assert.Equal(2, _window.Query("chat", TimeSpan.FromSeconds(10)).Subset("v1").Requests);
        Assert.Equal(0, _window.Query("chat", TimeSpan.FromSeconds(5)).Subset("v1").Requests);
    }

    [Fact]
    public void Add_FromTheFutureOrOlderThanAnHour_Dropped()
    {
        Assert.False(_window.Add(Report("gw", Now + 60, Sample("v1", "e", requests: 1))));
        Assert.False(_window.Add(Report("gw", Now - 3_600, Sample("v1", "e", requests: 1))));
        Assert.True(_window.Add(Report("gw", Now + 2, Sample("v1", "e", requests: 1))));
    }

    [Fact]
    public void Query_OneHourLater_Empty()
    {
        _window.Add(Report("gw", Now, Sample("v1", "e", requests: 9)));
        _time.Advance(TimeSpan.FromMinutes(61));

        var telemetry = _window.Query("chat", TimeSpan.FromHours(1));

        Assert.Empty(telemetry.Subsets);
        Assert.Equal(0, telemetry.Gateways);
    }

    private static TelemetryReport Report(string gateway, long second, params DestinationSample[] samples) =>
        new() { GatewayId = gateway, Second = second, Samples = [.. samples] };

    private static DestinationSample Sample(string subset, string endpoint, long requests, long errors = 0) =>
        new() { Host = "chat", Subset = subset, Endpoint = endpoint, Requests = requests, ServerErrors = errors, Success = requests - errors };
}
