using System.Diagnostics;

namespace OrleansMesh.Benchmarks.LoadBalancing;

/// <summary>
/// A closed loop: <c>workers</c> clients, each sending its next request when the previous one has answered, so the
/// offered load adapts to the latency (as an agent or batch client of a model does) and is bounded.
/// </summary>
internal static class ClosedLoop
{
    public static async Task<Phase> RunAsync(HttpClient client, int workers, TimeSpan duration, Backends backends)
    {
        var latencies = new List<double>[workers];
        var errors = 0;
        var started = Stopwatch.GetTimestamp();
        var end = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async w =>
        {
            var mine = latencies[w] = [];
            while (Stopwatch.GetTimestamp() < end)
            {
                var start = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.GetAsync("/");
                    await response.Content.ReadAsByteArrayAsync();
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref errors);
                        continue;
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                    continue;
                }

                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }));
        return new Phase([.. latencies.SelectMany(l => l)], errors, Stopwatch.GetElapsedTime(started), backends.Counts);
    }
}
