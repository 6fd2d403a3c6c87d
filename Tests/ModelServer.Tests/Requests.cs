using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace OrleansMesh.ModelServer.Tests;

internal static class Requests
{
    /// <summary>Guards every await on the server so a broken stream fails the test instead of hanging it.</summary>
    public static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static string Chat(int? maxTokens = null, bool stream = false, string content = "\"hello mesh\"")
    {
        var max = maxTokens is { } m ? $",\"max_tokens\":{m}" : "";
        return $"{{\"model\":\"any\",\"messages\":[{{\"role\":\"user\",\"content\":{content}}}],\"stream\":{(stream ? "true" : "false")}{max}}}";
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string json) =>
        client.PostAsync(path, Json(json)).WaitAsync(Guard);

    /// <summary>Sends without buffering the body, so a stream can be read event by event.</summary>
    public static Task<HttpResponseMessage> PostStreamingAsync(HttpClient client, string path, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Json(json) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        return client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).WaitAsync(Guard);
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync().WaitAsync(Guard);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
