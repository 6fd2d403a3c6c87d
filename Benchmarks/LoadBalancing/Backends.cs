namespace OrleansMesh.Benchmarks.LoadBalancing;

/// <summary>
/// Three HTTP backends on 127.0.0.1: each answers after the base latency; the last one also takes an extra delay and
/// serves only a few requests at a time, queueing the rest (a model replica on a slower or shared GPU, whose latency
/// grows with the load sent to it). Each counts the requests it served.
/// </summary>
internal sealed class Backends : IAsyncDisposable
{
    private readonly List<WebApplication> _apps = [];
    private readonly int[] _counts = new int[3];

    public int[] Ports { get; private set; } = [];

    /// <summary>Requests served per backend since the last <see cref="ResetCounts"/>; the last one is the slow one.</summary>
    public int[] Counts => [.. Enumerable.Range(0, _counts.Length).Select(i => Volatile.Read(ref _counts[i]))];

    public static async Task<Backends> StartAsync(BenchSettings settings)
    {
        var backends = new Backends();
        var ports = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            var index = i;
            var slow = i == 2;
            var delay = TimeSpan.FromMilliseconds(settings.BaseLatencyMs + (slow ? settings.SlowExtraMs : 0));
            var capacity = new SemaphoreSlim(slow ? settings.SlowCapacity : int.MaxValue);
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            app.Run(async context =>
            {
                Interlocked.Increment(ref backends._counts[index]);
                await capacity.WaitAsync(context.RequestAborted);
                try
                {
                    await Task.Delay(delay, context.RequestAborted);
                }
                finally
                {
                    capacity.Release();
                }

                context.Response.Headers["x-backend"] = index.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await context.Response.WriteAsync("ok", context.RequestAborted);
            });
            await app.StartAsync();
            backends._apps.Add(app);
            ports.Add(new Uri(app.Urls.Single()).Port);
        }

        backends.Ports = [.. ports];
        return backends;
    }

    public void ResetCounts()
    {
        for (var i = 0; i < _counts.Length; i++)
        {
            Interlocked.Exchange(ref _counts[i], 0);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }
    }
}
