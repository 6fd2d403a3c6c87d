using OrleansMesh.Integration.Tests.Infrastructure;

namespace OrleansMesh.Integration.Tests.ClusterWide;

/// <summary>Bounded request loops through gateways, as the tests' load generator.</summary>
internal static class Load
{
    /// <summary>
    /// Sends through <paramref name="gateway"/> with <paramref name="concurrency"/> workers until one response is the
    /// mesh's own 503 from an open breaker (code <c>circuit_open</c>), or <paramref name="limit"/> requests were sent.
    /// Returns how many were sent.
    /// </summary>
    public static async Task<int> UntilBreakerRejectsAsync(GatewayHost gateway, string host, int concurrency = 4, int limit = 2_000)
    {
        using var done = new CancellationTokenSource();
        var sent = 0;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (!done.IsCancellationRequested && Interlocked.Increment(ref sent) <= limit)
            {
                using var response = await gateway.GetAsync(host, "/");
                if (await IsBreakerRejectionAsync(response))
                {
                    await done.CancelAsync();
                }
            }
        }));
        return Math.Min(sent, limit);
    }

    /// <summary>Sends <paramref name="count"/> requests spread over the gateways in turn; returns the responses' status codes.</summary>
    public static async Task<List<HttpResponseMessage>> RoundRobinAsync(IReadOnlyList<GatewayHost> gateways, string host, int count, params (string Name, string Value)[] headers)
    {
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < count; i++)
        {
            responses.Add(await gateways[i % gateways.Count].GetAsync(host, "/", headers));
        }

        return responses;
    }

    public static async Task<bool> IsBreakerRejectionAsync(HttpResponseMessage response) =>
        response.StatusCode == System.Net.HttpStatusCode.ServiceUnavailable
        && (await response.Content.ReadAsStringAsync()).Contains("\"circuit_open\"", StringComparison.Ordinal);
}
