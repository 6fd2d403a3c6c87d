using System.Text.Json;

namespace OrleansMesh.Gateway.Inference;

/// <summary>Answers the gateway makes to OpenAI-compatible clients, in OpenAI's error shape (SDKs parse it).</summary>
internal static class OpenAiErrorResponses
{
    public static Task WriteAsync(HttpContext context, InferenceError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return WriteAsync(context, error.StatusCode, error.Message, InferenceError.InvalidRequestType, error.Param, error.Code);
    }

    /// <summary>Writes <c>{"error":{…}}</c> with <paramref name="statusCode"/>, unless the response has started.</summary>
    public static Task WriteAsync(HttpContext context, int statusCode, string message, string type, string? param, string? code)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        if (response.HasStarted)
        {
            return Task.CompletedTask;
        }

        response.Clear();
        response.StatusCode = statusCode;
        return WriteBodyAsync(context, message, type, param, code);
    }

    /// <summary>Writes only the body, keeping the status and headers already set (the mesh's response flags).</summary>
    public static Task WriteBodyAsync(HttpContext context, string message, string type, string? param, string? code)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        response.ContentType = "application/json";
        var body = JsonSerializer.SerializeToUtf8Bytes(new OpenAiError(new OpenAiErrorDetail(message, type, param, code)), OpenAiErrorJsonContext.Default.OpenAiError);
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }
}
