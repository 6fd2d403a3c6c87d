using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using OrleansMesh.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OrleansMesh.Integration.Tests.ClusterWide;

[Collection(ThreeGatewaysCollection.Name)]
public sealed class TokenRateLimitTests(ThreeGatewaysFixture fixture, ITestOutputHelper output)
{
    private const int TokensPerMinute = 3000;

    // The demo model counts a word as a token: 100 prompt words + max_tokens 50 = 150 tokens used. The gateway estimates
    // the ~270-byte body at 67 input tokens + 50, so every request is settled with an extra charge of about 33.
    private static readonly string Completion = JsonSerializer.Serialize(new
    {
        model = "chat",
        max_tokens = 50,
        messages = new[] { new { role = "user", content = string.Join(' ', Enumerable.Repeat("a", 100)) } },
    });

    [Fact]
    public async Task TokenLimit_TwoGateways_AdmitsTheTenantsTokensWithinTheStatedTolerance()
    {
        await using var backends = await ModelBackends.StartAsync("chat", "v1");
        var host = "tokens-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.ApplyAsync(host, Config(host, backends));
        GatewayHost[] gateways = [fixture.Gateways[0], fixture.Gateways[1]];

        // A steady client over 3 s that pauses briefly after a refusal, as a client backing off from 429 would: once the
        // bucket is empty the gateways refuse at once, and a loop that never paused would send thousands of refusals.
        var clock = Stopwatch.StartNew();
        var responses = new List<(HttpStatusCode Status, string Body, TimeSpan? RetryAfter, string? Flags)>();
        for (var i = 0; clock.Elapsed < TimeSpan.FromSeconds(3); i++)
        {
            var response = await PostAsync(gateways[i % 2], host, "tenant-a");
            responses.Add(response);
            if (response.Status == HttpStatusCode.TooManyRequests)
            {
                await Task.Delay(20);
            }
        }

        var elapsed = clock.Elapsed;
        var admitted = responses.Where(r => r.Status == HttpStatusCode.OK).Sum(r => TotalTokens(r.Body));

        // Lease 150 (5 % of 3,000) and credit 150 per gateway; a request's usage (150) is settled after it ran.
        // Tolerance: gateways × (lease + one request) = 600 over, and as much plus a request left unspent under.
        var refilled = (int)Math.Ceiling(elapsed.TotalSeconds * TokensPerMinute / 60);
        output.WriteLine($"admitted {admitted} tokens in {responses.Count(r => r.Status == HttpStatusCode.OK)} requests over {elapsed.TotalSeconds:F1} s (refill {refilled}); {responses.Count(r => r.Status == HttpStatusCode.TooManyRequests)} refused");
        Assert.InRange(admitted, TokensPerMinute - 600 - 150, TokensPerMinute + refilled + 600);

        var refused = responses.Where(r => r.Status == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(refused);
        Assert.All(refused, r => Assert.True(r.RetryAfter >= TimeSpan.FromSeconds(1), "Retry-After of at least a second"));
        Assert.All(refused, r => Assert.Equal("RL", r.Flags));
        using var error = JsonDocument.Parse(refused[0].Body);
        var detail = error.RootElement.GetProperty("error");
        Assert.StartsWith("Rate limit reached for tokens", detail.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("tokens", detail.GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("param").ValueKind);
        Assert.Equal("rate_limit_exceeded", detail.GetProperty("code").GetString());

        // Another tenant has a bucket of its own: six requests (900 of its 3,000 tokens) go through once its leases
        // arrive, while tenant-a's is empty.
        var served = 0;
        for (var i = 0; served < 6 && clock.Elapsed < elapsed + TimeSpan.FromSeconds(3); i++)
        {
            if ((await PostAsync(gateways[i % 2], host, "tenant-b")).Status == HttpStatusCode.OK)
            {
                served++;
            }
            else
            {
                await Task.Delay(20);
            }
        }

        Assert.Equal(6, served);
    }

    private static async Task<(HttpStatusCode Status, string Body, TimeSpan? RetryAfter, string? Flags)> PostAsync(GatewayHost gateway, string host, string tenant)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions")
        {
            Content = new StringContent(Completion, Encoding.UTF8, "application/json"),
        };
        request.Headers.Host = host;
        request.Headers.Add("x-tenant-id", tenant);
        using var response = await gateway.Client.SendAsync(request);
        var flags = response.Headers.TryGetValues("x-mesh-response-flags", out var values) ? string.Join(",", values) : null;
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.RetryAfter?.Delta, flags);
    }

    private static int TotalTokens(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("usage").GetProperty("total_tokens").GetInt32();
    }

    private static string Config(string host, ModelBackends backends) => backends.ServiceEntryYaml(host) + $"""

        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: {host}
        spec:
          hosts:
          - {host}
          http:
          - route:
            - destination:
                host: {host}
            retries:
              attempts: 0
            x-orleansmesh:
              tokenRateLimit:
                tokensPerUnit: {TokensPerMinute}
                unit: MINUTE
                key:
                  header: x-tenant-id
                estimate:
                  defaultOutputTokens: 256
        """;
}
