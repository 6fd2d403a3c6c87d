using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace OrleansMesh.Benchmarks.Inference;

/// <summary>
/// An open loop: requests arrive at a fixed mean rate (Poisson), whatever the latency, as users of a shared model
/// service do; each goes to the next of the three gateways. Requests sent during the warm-up are not measured.
/// </summary>
internal static class OpenLoop
{
    public static async Task<List<Sample>> RunAsync(HttpClient[] gateways, string host, IReadOnlyList<string> bodies, BenchSettings settings)
    {
        var random = new Random(settings.Seed);
        var samples = new List<Sample>();
        var pending = new List<Task>();
        var started = Stopwatch.GetTimestamp();
        var total = settings.Warmup + settings.Duration;
        var next = 0.0;
        for (var i = 0; ; i++)
        {
            next += -Math.Log(1 - random.NextDouble()) / settings.Rate;
            if (next >= total.TotalSeconds)
            {
                break;
            }

            var wait = TimeSpan.FromSeconds(next) - Stopwatch.GetElapsedTime(started);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            var measured = next >= settings.Warmup.TotalSeconds;
            var sentAt = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var request = SendAsync(gateways[i % gateways.Length], host, bodies[i % bodies.Count]).ContinueWith(t => t.Result with { SentAt = sentAt }, TaskScheduler.Default);
            pending.Add(measured ? request.ContinueWith(t => { lock (samples) { samples.Add(t.Result); } }, TaskScheduler.Default) : request);
        }

        await Task.WhenAll(pending);
        return samples;
    }

    private static async Task<Sample> SendAsync(HttpClient client, string host, string body)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Host = host;
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            var server = response.Headers.TryGetValues("x-served-by", out var values) ? values.Single() : "";
            if (!response.IsSuccessStatusCode)
            {
                return new Sample(0, 0, true, server);
            }

            await using var stream = await response.Content.ReadAsStreamAsync();
            var buffer = new byte[16 * 1024];
            double ttft = -1;
            int read;
            while ((read = await stream.ReadAsync(buffer)) > 0)
            {
                // The first event carries the first token: the model server flushes one event per token.
                if (ttft < 0)
                {
                    ttft = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                }
            }

            return new Sample(ttft, Stopwatch.GetElapsedTime(start).TotalMilliseconds, ttft < 0, server);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            return new Sample(0, 0, true, "");
        }
    }
}
