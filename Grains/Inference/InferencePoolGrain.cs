using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Utilities;
using OrleansMesh.Inference;

namespace OrleansMesh.Grains.Inference;

/// <summary>
/// One InferencePool's shared picker state (key: the pool host). While gateways report, a timer scrapes every member's
/// <c>/metrics</c> at once, then pushes the result, the requests gateways sent since and the new prefix hints to every
/// reporting gateway. One scrape per member per interval for the whole cluster, however many gateways there are.
/// State is soft and in memory: it is worth nothing a second later, and the next scrape and reports rebuild it.
/// </summary>
internal sealed partial class InferencePoolGrain : Grain, IInferencePoolGrain
{
    // One client for every pool of the silo: scrapes are small GETs to many servers, kept alive between intervals.
    private static readonly HttpClient Http = new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        ConnectTimeout = TimeSpan.FromSeconds(1),
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
    })
    { Timeout = Timeout.InfiniteTimeSpan, DefaultRequestVersion = HttpVersion.Version11 };

    private static readonly TimeSpan MetricNamesRefresh = TimeSpan.FromSeconds(1);

    private readonly TimeProvider time;
    private readonly InferencePoolOptions options;
    private readonly ILogger<InferencePoolGrain> logger;
    private readonly ObserverManager<string, IInferencePoolObserver> observers;
    private PoolScrapeState state = null!;
    private readonly string activation = Guid.NewGuid().ToString("N");
    private PoolLoad last = new();
    private IGrainTimer? timer;
    private IGrainTimer? inFlightTimer;
    private long lastInFlightPush;
    private bool inFlightDirty;

    // The metric names the pool's annotations choose, read from its route table at most once a second.
    private ModelServerMetrics metrics = ModelServerMetrics.Default;
    private DateTimeOffset metricsReadAt = DateTimeOffset.MinValue;

    public InferencePoolGrain(TimeProvider time, IOptions<InferencePoolOptions> options, ILogger<InferencePoolGrain> logger)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        this.time = time;
        this.options = options.Value;
        this.logger = logger;
        observers = new ObserverManager<string, IInferencePoolObserver>(this.options.GatewayExpiry, logger)
        {
            GetDateTime = () => time.GetUtcNow().UtcDateTime,
        };
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var pool = this.GetPrimaryKeyString();
        state = new PoolScrapeState(pool, options.GatewayExpiry, options.MaxPrefixHints);
        last = new PoolLoad { Pool = pool };
        return Task.CompletedTask;
    }

    public Task ReportAsync(PoolDispatchReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        state.Report(report, time.GetUtcNow());
        if (report.Observer is { } observer && !string.IsNullOrEmpty(report.GatewayId))
        {
            observers.Subscribe(report.GatewayId, observer);
        }

        // Interleaved: reports keep arriving while a scrape waits for slow servers, and land in the same accounting.
        timer ??= this.RegisterGrainTimer(ScrapeAsync, new GrainTimerCreationOptions(TimeSpan.Zero, options.ScrapeInterval) { Interleave = true });
        return Task.CompletedTask;
    }

    public Task ReportInFlightAsync(PoolInFlightReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!state.ReportInFlight(report))
        {
            return Task.CompletedTask;
        }

        // A change goes out at once; changes within the push interval of the last push go out together when it ends,
        // so the fan-out stays at most one push per interval however many gateways report.
        var wait = options.InFlightPushInterval - time.GetElapsedTime(lastInFlightPush);
        if (wait <= TimeSpan.Zero)
        {
            return PushInFlightAsync();
        }

        if (!inFlightDirty)
        {
            inFlightDirty = true;
            inFlightTimer ??= this.RegisterGrainTimer(PushPendingInFlightAsync, new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan) { Interleave = true });
            inFlightTimer.Change(wait, Timeout.InfiniteTimeSpan);
        }

        return Task.CompletedTask;
    }

    public Task<PoolLoad> GetAsync() => Task.FromResult(last);

    private Task PushPendingInFlightAsync(CancellationToken cancellation) => inFlightDirty ? PushInFlightAsync() : Task.CompletedTask;

    private Task PushInFlightAsync()
    {
        inFlightDirty = false;
        lastInFlightPush = time.GetTimestamp();
        var push = state.InFlightPush(activation);
        return observers.Notify(o => o.OnInFlightAsync(push));
    }

    private async Task ScrapeAsync(CancellationToken cancellation)
    {
        var now = time.GetUtcNow();
        if (!state.Active(now))
        {
            // No gateway serves the pool any more: stop scraping; the grain deactivates when idle.
            timer?.Dispose();
            timer = null;
            return;
        }

        if (now - metricsReadAt >= MetricNamesRefresh)
        {
            metricsReadAt = now;
            await ReadMetricNamesAsync();
        }

        var reader = metrics;
        var targets = state.Targets(now);
        foreach (var target in targets)
        {
            state.Starting(target);
        }

        var results = await Task.WhenAll(targets.Select(target => ScrapeOneAsync(target, reader, cancellation)));
        var done = time.GetUtcNow();
        for (var i = 0; i < targets.Count; i++)
        {
            if (results[i].Error is { } error)
            {
                state.Failed(targets[i], error);
                LogScrapeFailed(last.Pool, targets[i], error);
            }
            else
            {
                state.Scraped(targets[i], results[i].Load, done);
            }
        }

        last = state.Publish(done);
        var load = last;
        await observers.Notify(o => o.OnPoolLoadAsync(load));
    }

    private async Task ReadMetricNamesAsync()
    {
        try
        {
            var table = await GrainFactory.GetGrain<ControlPlane.IRouteTableGrain>(last.Pool).GetAsync();
            var names = table.Pool?.Metrics;
            if (!Equals(names, metrics.Names))
            {
                metrics = ModelServerMetrics.For(names);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The names last read stay; the next refresh tries again.
            LogMetricNamesUnread(last.Pool, e.Message);
        }
    }

    private async Task<(ScrapedLoad Load, string? Error)> ScrapeOneAsync(string endpoint, ModelServerMetrics reader, CancellationToken cancellation)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(options.ScrapeTimeout);
        try
        {
            using var response = await Http.GetAsync(new Uri($"http://{endpoint}{options.MetricsPath}"), HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                return (default, $"HTTP {(int)response.StatusCode}");
            }

            if (response.Content.Headers.ContentLength > options.MaxMetricsBytes)
            {
                return (default, $"metrics larger than {options.MaxMetricsBytes} bytes");
            }

            var text = await ReadBoundedAsync(response.Content, options.MaxMetricsBytes, timeout.Token);
            if (text is null)
            {
                return (default, $"metrics larger than {options.MaxMetricsBytes} bytes");
            }

            if (!PrometheusTextParser.TryParse(text, reader.WantedNames, out var samples, out var parseError))
            {
                return (default, parseError);
            }

            return reader.TryReadLoad(samples, out var load, out var error) ? (load, null) : (default, error);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
        {
            return (default, ex is OperationCanceledException ? $"no answer within {options.ScrapeTimeout.TotalMilliseconds} ms" : ex.Message);
        }
    }

    private static async Task<string?> ReadBoundedAsync(HttpContent content, int limit, CancellationToken cancellation)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellation);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellation)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Metric names of pool {Pool} could not be read from its route table: {Error}")]
    private partial void LogMetricNamesUnread(string pool, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Scrape of {Endpoint} for pool {Pool} failed: {Error}")]
    private partial void LogScrapeFailed(string pool, string endpoint, string error);
}
