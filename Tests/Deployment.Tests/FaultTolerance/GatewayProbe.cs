using System.Net;
using OrleansMesh.Deployment.Tests.Processes;

namespace OrleansMesh.Deployment.Tests.FaultTolerance;

/// <summary>Asks a gateway what it serves now: the config revision its route stamps on a chat completion, and readiness.</summary>
internal sealed class GatewayProbe : IDisposable
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(20);

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(2) };
    private readonly TimeProvider _time = TimeProvider.System;

    /// <summary>The status and config revision of one request through <paramref name="gateway"/>; status 0 when it did not answer.</summary>
    public async Task<(int Status, string? Revision)> ServedAsync(GatewayProcess gateway)
    {
        try
        {
            using var request = LoadGenerator.Request(gateway.Proxy);
            using var response = await _http.SendAsync(request);
            var revision = response.Headers.TryGetValues(FaultMeshConfig.RevisionHeader, out var values) ? values.FirstOrDefault() : null;
            return ((int)response.StatusCode, revision);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return (0, null);
        }
    }

    /// <summary>How long until <paramref name="gateway"/> serves <paramref name="revision"/>; null if it did not within <paramref name="within"/>.</summary>
    public async Task<TimeSpan?> SeenAsync(GatewayProcess gateway, string revision, TimeSpan within)
    {
        var start = _time.GetTimestamp();
        while (_time.GetElapsedTime(start) < within)
        {
            var (status, served) = await ServedAsync(gateway);
            if (status == 200 && served == revision)
            {
                return _time.GetElapsedTime(start);
            }

            await Task.Delay(PollEvery);
        }

        return null;
    }

    /// <summary>How long until the gateway's readiness probe says 200; null if not within <paramref name="within"/>.</summary>
    public async Task<TimeSpan?> ReadyAsync(GatewayProcess gateway, TimeSpan within)
    {
        var start = _time.GetTimestamp();
        while (_time.GetElapsedTime(start) < within && !gateway.Process.HasExited)
        {
            try
            {
                using var response = await _http.GetAsync(gateway.Ready);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return _time.GetElapsedTime(start);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(PollEvery);
        }

        return null;
    }

    public void Dispose() => _http.Dispose();
}
