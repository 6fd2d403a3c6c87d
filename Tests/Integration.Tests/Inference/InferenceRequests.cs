using System.Text;
using System.Text.Json;

namespace OrleansMesh.Integration.Tests.Inference;

/// <summary>Request helpers of the inference tests: OpenAI-compatible POSTs with a Host header the mesh routes by.</summary>
internal static class InferenceRequests
{
    public static HttpRequestMessage Post(string host, string path, string json, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        request.Headers.Host = host;
        return request;
    }

    public static string Chat(string model, bool stream = false, int maxTokens = 4) =>
        $$"""{"model":"{{model}}","stream":{{(stream ? "true" : "false")}},"max_tokens":{{maxTokens}},"messages":[{"role":"user","content":"three little words"}]}""";

    /// <summary>The <c>error</c> object of an OpenAI-shaped error body.</summary>
    public static async Task<JsonElement> ErrorAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("error").Clone();
    }
}
