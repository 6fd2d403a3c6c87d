using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;

namespace OrleansMesh.Deployment.Tests.Soak;

/// <summary>
/// The soak's users: chat completions at a fixed rate through one gateway, every fourth one streamed (read to the
/// end), each one's latency and outcome recorded.
/// </summary>
internal sealed class SoakTraffic : IAsyncDisposable
{
    private const int MaxInFlight = 64;

    private static readonly byte[] Plain = Encoding.UTF8.GetBytes("""{"model":"chat-model","messages":[{"role":"user","content":"soak"}]}""");
    private static readonly byte[] Streamed = Encoding.UTF8.GetBytes("""{"model":"chat-model","messages":[{"role":"user","content":"soak"}],"stream":true}""");

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly CancellationTokenSource _stop = new();
    private readonly Uri _target;
    private readonly DateTimeOffset _start;
    private readonly Task _loop;

    private SoakTraffic(Uri proxy, int requestsPerSecond, DateTimeOffset start)
    {
        _target = new Uri(proxy, "/v1/chat/completions");
        _start = start;
        _loop = Task.Run(() => RunAsync(TimeSpan.FromSeconds(1.0 / requestsPerSecond)));
    }

    /// <summary>Every finished request: when it was sent (since the start), its latency, and why it failed (null: 200).</summary>
    public ConcurrentQueue<(TimeSpan SentAt, TimeSpan Latency, string? Failure)> Results { get; } = new();

    public static SoakTraffic Start(Uri proxy, int requestsPerSecond, DateTimeOffset start) => new(proxy, requestsPerSecond, start);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _http.Dispose();
        _stop.Dispose();
    }

    private async Task RunAsync(TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval);
        using var slots = new SemaphoreSlim(MaxInFlight);
        var inFlight = new List<Task>();
        var sent = 0L;
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                inFlight.RemoveAll(t => t.IsCompleted);
                if (slots.Wait(0))
                {
                    inFlight.Add(SendAsync(++sent % 4 == 0 ? Streamed : Plain, slots));
                }
                else
                {
                    Results.Enqueue((DateTimeOffset.UtcNow - _start, TimeSpan.Zero, $"client: {MaxInFlight} requests already in flight"));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        await Task.WhenAll(inFlight);
    }

    private async Task SendAsync(byte[] body, SemaphoreSlim slots)
    {
        var sentAt = DateTimeOffset.UtcNow;
        string? failure = null;
        try
        {
            using var content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
            using var request = new HttpRequestMessage(HttpMethod.Post, _target) { Content = content };
            request.Headers.Host = SoakMesh.Host;
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            var text = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                var flags = response.Headers.TryGetValues("x-mesh-response-flags", out var values) ? string.Join(",", values) : "-";
                failure = $"{(int)response.StatusCode} {flags} {text[..Math.Min(text.Length, 120)]}";
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            failure = $"{e.GetType().Name}: {e.GetBaseException().Message}";
        }
        finally
        {
            slots.Release();
        }

        Results.Enqueue((sentAt - _start, DateTimeOffset.UtcNow - sentAt, failure));
    }
}
