using System.Collections.Concurrent;
using OrleansMesh.Deployment.Tests.FaultTolerance;
using OrleansMesh.Deployment.Tests.Processes;

namespace OrleansMesh.Deployment.Tests.Rollouts;

/// <summary>
/// Steady chat-completion traffic through every gateway in turn at a fixed rate, each answer recorded with when, which
/// gateway, which model version answered (<c>x-model-version</c>) and its status.
/// </summary>
internal sealed class RolloutTraffic : IAsyncDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private RolloutTraffic(IReadOnlyList<GatewayProcess> gateways, int requestsPerSecond)
    {
        _loop = Task.Run(() => RunAsync(gateways, TimeSpan.FromSeconds(1.0 / requestsPerSecond)));
    }

    /// <summary>Every answer so far (status 0: no answer).</summary>
    public ConcurrentQueue<Answer> Answers { get; } = new();

    public static RolloutTraffic Start(IReadOnlyList<GatewayProcess> gateways, int requestsPerSecond) => new(gateways, requestsPerSecond);

    /// <summary>The share of <paramref name="version"/> among the 200s of <paramref name="gateway"/> answered after <paramref name="since"/>.</summary>
    public double Share(int gateway, string version, DateTimeOffset since)
    {
        var answers = Answers.Where(a => a.Gateway == gateway && a.At >= since && a.Status == 200).ToList();
        return answers.Count == 0 ? double.NaN : answers.Count(a => a.Version == version) / (double)answers.Count;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _http.Dispose();
        _stop.Dispose();
    }

    private async Task RunAsync(IReadOnlyList<GatewayProcess> gateways, TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval);
        var inFlight = new List<Task>();
        var next = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                inFlight.RemoveAll(t => t.IsCompleted);
                var gateway = next++ % gateways.Count;
                inFlight.Add(SendAsync(gateway, gateways[gateway]));
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
        try
        {
            using var request = LoadGenerator.Request(gateway.Proxy);
            request.Headers.Host = RolloutMesh.Host;
            using var response = await _http.SendAsync(request);
            var version = response.Headers.TryGetValues("x-model-version", out var values) ? values.FirstOrDefault()
                : response.Headers.TryGetValues("x-mesh-response-flags", out var flags) ? "flags:" + flags.FirstOrDefault() : null;
            Answers.Enqueue(new Answer(DateTimeOffset.UtcNow, index, version, (int)response.StatusCode));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            Answers.Enqueue(new Answer(DateTimeOffset.UtcNow, index, null, 0));
        }
    }

    /// <summary>One answer.</summary>
    internal readonly record struct Answer(DateTimeOffset At, int Gateway, string? Version, int Status);
}
