using System.Net.Http.Headers;
using System.Text;

namespace OrleansMesh.Deployment.Tests.FaultTolerance;

/// <summary>
/// A steady, bounded stream of chat completions through every gateway: <c>rate / gateways</c> requests a second to
/// each, on a timer, whatever the answers; at most <see cref="MaxInFlight"/> outstanding per gateway (a tick that finds
/// them all busy sends nothing and is not counted). Anything but a 200 within <see cref="RequestTimeout"/> is a failure.
/// </summary>
internal sealed class LoadGenerator : IAsyncDisposable
{
    public const int MaxInFlight = 16;

    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(5);

    private static readonly byte[] Body = Encoding.UTF8.GetBytes(
        """{"model":"chat-model","messages":[{"role":"user","content":"are you still there?"}],"max_tokens":4}""");

    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];
    private readonly TimeProvider _time = TimeProvider.System;
    private readonly long _started;

    private LoadGenerator(IReadOnlyList<GatewayTraffic> gateways)
    {
        Gateways = gateways;
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), ConnectTimeout = TimeSpan.FromSeconds(2) })
        {
            Timeout = RequestTimeout,
        };
        _started = _time.GetTimestamp();
    }

    public IReadOnlyList<GatewayTraffic> Gateways { get; }

    public TrafficCounts Total => Gateways.Aggregate(default(TrafficCounts), (sum, g) => sum + g.Counts);

    public static LoadGenerator Start(IReadOnlyList<GatewayTraffic> gateways, int requestsPerSecond)
    {
        var load = new LoadGenerator(gateways);
        var interval = TimeSpan.FromSeconds(gateways.Count / (double)requestsPerSecond);
        foreach (var gateway in gateways)
        {
            load._loops.Add(Task.Run(() => load.RunAsync(gateway, interval)));
        }

        return load;
    }

    /// <summary>One request as the load sends it, for probes that want to see what a gateway serves now.</summary>
    public static HttpRequestMessage Request(Uri proxy)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(proxy, "/v1/chat/completions"))
        {
            Content = new ByteArrayContent(Body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        request.Headers.Host = FaultMeshConfig.Host;
        return request;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_loops);
        _http.Dispose();
        _stop.Dispose();
    }

    private async Task RunAsync(GatewayTraffic gateway, TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval, _time);
        using var slots = new SemaphoreSlim(MaxInFlight);
        var inFlight = new List<Task>();
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                inFlight.RemoveAll(t => t.IsCompleted);
                if (slots.Wait(0))
                {
                    inFlight.Add(SendAsync(gateway, slots));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        await Task.WhenAll(inFlight);
    }

    private async Task SendAsync(GatewayTraffic gateway, SemaphoreSlim slots)
    {
        var wasDown = gateway.ExpectDown;
        try
        {
            using var request = Request(gateway.Proxy);
            using var response = await _http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if (response.IsSuccessStatusCode)
            {
                gateway.OnSucceeded();
            }
            else
            {
                var flags = response.Headers.TryGetValues("x-mesh-response-flags", out var values) ? string.Join(",", values) : "-";
                gateway.OnFailed(wasDown || gateway.ExpectDown, Elapsed, $"{(int)response.StatusCode} flags {flags} {body[..Math.Min(body.Length, 160)]}");
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            gateway.OnFailed(wasDown || gateway.ExpectDown, Elapsed, $"{e.GetType().Name}: {e.GetBaseException().Message}");
        }
        finally
        {
            // Counted when it ends, so a step's sent = succeeded + failed + expected failures exactly.
            gateway.OnSent();
            slots.Release();
        }
    }

    private TimeSpan Elapsed => _time.GetElapsedTime(_started);
}
