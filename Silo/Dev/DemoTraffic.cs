using System.Net.Http.Headers;
using System.Text;

namespace OrleansMesh.Silo.Dev;

/// <summary>
/// <c>dev --demo-traffic</c>: a steady stream of chat completions through the dev gateway (one in four streamed, so time
/// to first token is measured too), so the demo's Rollout has traffic to judge and <c>meshctl top</c> something to show.
/// At most <see cref="MaxInFlight"/> requests at once; each one's outcome is what the gateway's access log shows.
/// </summary>
internal sealed partial class DemoTraffic(DevMeshListeners listeners, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<DemoTraffic> logger) : BackgroundService
{
    public const string Flag = "--demo-traffic";

    /// <summary>Requests per second.</summary>
    public const int Rate = 10;

    private const int MaxInFlight = 32;

    private static readonly byte[] Plain = Encoding.UTF8.GetBytes("""{"model":"chat-model","messages":[{"role":"user","content":"hello from the demo traffic"}]}""");
    private static readonly byte[] Streamed = Encoding.UTF8.GetBytes("""{"model":"chat-model","messages":[{"role":"user","content":"hello from the demo traffic"}],"stream":true}""");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(started.SetResult))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        var target = new Uri(new Uri(Loopback(listeners.Proxy)), "/v1/chat/completions");
        LogStarted(logger, Rate, target);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var slots = new SemaphoreSlim(MaxInFlight);
        using var ticks = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / Rate), time);
        var sent = 0L;
        while (await ticks.WaitForNextTickAsync(stoppingToken))
        {
            if (slots.Wait(0))
            {
                _ = SendAsync(http, target, ++sent % 4 == 0 ? Streamed : Plain, slots, stoppingToken);
            }
        }
    }

    private static async Task SendAsync(HttpClient http, Uri target, byte[] body, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        try
        {
            using var content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
            using var response = await http.PostAsync(target, content, cancellationToken);
            await response.Content.CopyToAsync(Stream.Null, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
        {
            // The gateway's access log and metrics say what happened; the demo just keeps going.
        }
        finally
        {
            slots.Release();
        }
    }

    // A wildcard listener (http://*:8080, http://+:8080, http://0.0.0.0:8080) is reached on loopback.
    private static string Loopback(string url) =>
        url.Replace("://*:", "://127.0.0.1:", StringComparison.Ordinal)
            .Replace("://+:", "://127.0.0.1:", StringComparison.Ordinal)
            .Replace("://0.0.0.0:", "://127.0.0.1:", StringComparison.Ordinal);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo traffic: {Rate} chat completions per second to {Target}")]
    private static partial void LogStarted(ILogger logger, int rate, Uri target);
}
