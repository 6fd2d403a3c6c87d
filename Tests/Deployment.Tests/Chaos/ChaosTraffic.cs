using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using OrleansMesh.Deployment.Tests.Processes;

namespace OrleansMesh.Deployment.Tests.Chaos;

/// <summary>
/// Chat completions through every gateway in turn at a fixed rate, each with its own <c>x-request-id</c>; every answer
/// is recorded with its id, gateway, time and status, to be matched against what the model servers received.
/// </summary>
internal sealed class ChaosTraffic : IAsyncDisposable
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"model":"chat-model","messages":[{"role":"user","content":"chaos"}]}""");

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<int, GatewayProcess> _gateway;
    private readonly int _gateways;
    private readonly DateTimeOffset _start;
    private readonly Task _loop;

    private ChaosTraffic(Func<int, GatewayProcess> gateway, int gateways, int requestsPerSecond, DateTimeOffset start)
    {
        (_gateway, _gateways, _start) = (gateway, gateways, start);
        _loop = Task.Run(() => RunAsync(TimeSpan.FromSeconds(1.0 / requestsPerSecond)));
    }

    public ConcurrentQueue<Answer> Answers { get; } = new();

    /// <summary>Starts; <paramref name="gateway"/> gives the gateway of an index now (a restarted one is a new process).</summary>
    public static ChaosTraffic Start(Func<int, GatewayProcess> gateway, int gateways, int requestsPerSecond, DateTimeOffset start) =>
        new(gateway, gateways, requestsPerSecond, start);

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
        var inFlight = new List<Task>();
        var next = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                inFlight.RemoveAll(t => t.IsCompleted);
                var index = next++ % _gateways;
                inFlight.Add(SendAsync(index, _gateway(index)));
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        await Task.WhenAll(inFlight);
    }

    private async Task SendAsync(int index, GatewayProcess gateway)
    {
        var id = Guid.NewGuid().ToString("N");
        var sentAt = DateTimeOffset.UtcNow - _start;
        int status;
        string? why = null;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(gateway.Proxy, "/v1/chat/completions"))
            {
                Content = new ByteArrayContent(Body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
            };
            request.Headers.Host = ChaosMesh.Host;
            request.Headers.Add("x-request-id", id);
            using var response = await _http.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            status = (int)response.StatusCode;
            if (status != 200)
            {
                why = response.Headers.TryGetValues("x-mesh-response-flags", out var flags) ? string.Join(",", flags) : "-";
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            status = 0;
            why = e.GetType().Name;
        }

        Answers.Enqueue(new Answer(id, index, sentAt, DateTimeOffset.UtcNow - _start, status, why));
    }

    /// <summary>One request: its id, gateway, when sent and answered (since the start), its status (0: none) and why not 200.</summary>
    internal readonly record struct Answer(string Id, int Gateway, TimeSpan SentAt, TimeSpan AnsweredAt, int Status, string? Why);
}
