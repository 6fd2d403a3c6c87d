using System.Buffers;
using System.Text.Json;

namespace OrleansMesh.Gateway.RateLimiting;

/// <summary>
/// The 429 of a token limit in OpenAI's error shape (<c>{"error":{"message","type":"tokens","param":null,"code":"rate_limit_exceeded"}}</c>),
/// so OpenAI SDKs back off as they do against OpenAI, plus the mesh's response flag.
/// </summary>
internal static class TokenRateLimitResponse
{
    public const string Type = "tokens";

    public const string Code = "rate_limit_exceeded";

    /// <summary>The JSON body, once status and headers are set.</summary>
    public static Task WriteBodyAsync(HttpContext context, string message)
    {
        var response = context.Response;
        response.ContentType = "application/json";
        var body = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(body))
        {
            json.WriteStartObject();
            json.WriteStartObject("error");
            json.WriteString("message", message);
            json.WriteString("type", Type);
            json.WriteNull("param");
            json.WriteString("code", Code);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return response.Body.WriteAsync(body.WrittenMemory, context.RequestAborted).AsTask();
    }
}
