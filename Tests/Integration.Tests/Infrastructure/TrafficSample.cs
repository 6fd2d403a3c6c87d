namespace OrleansMesh.Integration.Tests.Infrastructure;

/// <summary>Sends requests through a gateway and counts which model version answered each.</summary>
internal static class TrafficSample
{
    public const string VersionHeader = "x-model-version";

    public static async Task<Dictionary<string, int>> CountVersionsAsync(GatewayHost gateway, string host, string path, int requests, params (string Name, string Value)[] headers)
    {
        var counts = new Dictionary<string, int>();
        var gate = new object();
        await Parallel.ForAsync(0, requests, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, _) =>
        {
            using var response = await gateway.GetAsync(host, path, headers);
            var version = response.IsSuccessStatusCode && response.Headers.TryGetValues(VersionHeader, out var values)
                ? values.Single()
                : $"status {(int)response.StatusCode}";
            lock (gate)
            {
                counts[version] = counts.GetValueOrDefault(version) + 1;
            }
        });
        return counts;
    }

    public static async Task<string> VersionOfAsync(GatewayHost gateway, string host, string path, params (string Name, string Value)[] headers)
    {
        using var response = await gateway.GetAsync(host, path, headers);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response.Headers.GetValues(VersionHeader).Single();
    }
}
