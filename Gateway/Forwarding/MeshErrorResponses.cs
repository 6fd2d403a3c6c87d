using System.Text.Json;

namespace OrleansMesh.Gateway.Forwarding;

/// <summary>
/// Responses the mesh itself makes: a short JSON body naming the reason, and Envoy's response flag in
/// <c>x-mesh-response-flags</c> so clients and logs can tell them from upstream answers.
/// </summary>
internal static class MeshErrorResponses
{
    // close: ends an HTTP/1.x connection after the response (its request's framing cannot be trusted).
    public const string FlagsHeader = "x-mesh-response-flags";

    public static Task WriteAsync(HttpContext context, int statusCode, string flag, string code, string message, bool close = false)
    {
        var response = context.Response;
        if (response.HasStarted)
        {
            return Task.CompletedTask;
        }

        response.Clear();
        response.StatusCode = statusCode;
        response.Headers[FlagsHeader] = flag;
        response.ContentType = "application/json";
        if (close)
        {
            response.Headers.Connection = "close";
        }

        return response.WriteAsync(JsonSerializer.Serialize(new MeshError(new MeshErrorDetail(code, message)), MeshErrorJsonContext.Default.MeshError), context.RequestAborted);
    }
}
