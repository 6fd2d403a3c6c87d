using OrleansMesh.Integration.Tests.Infrastructure;

namespace OrleansMesh.Integration.Tests.Resilience;

/// <summary>Request helpers of the resilience tests.</summary>
internal static class ResilienceRequests
{
    public const string FlagsHeader = "x-mesh-response-flags";

    public static string? Flags(HttpResponseMessage response)
        => response.Headers.TryGetValues(FlagsHeader, out var values) ? string.Join(",", values) : null;

    /// <summary>Sends <paramref name="count"/> GETs one after another and returns their statuses.</summary>
    public static async Task<int[]> StatusesAsync(GatewayHost gateway, string host, int count)
    {
        var statuses = new int[count];
        for (var i = 0; i < count; i++)
        {
            using var response = await gateway.GetAsync(host, "/v1/models");
            statuses[i] = (int)response.StatusCode;
        }

        return statuses;
    }

    public static Task<HttpResponseMessage> PostAsync(GatewayHost gateway, string host, HttpContent content)
    {
        // Not an OpenAI path: the gateway reads those bodies before routing, and these tests are about bodies it streams.
        var request = new HttpRequestMessage(HttpMethod.Post, "/upload") { Content = content };
        request.Headers.Host = host;
        return gateway.Client.SendAsync(request);
    }
}
