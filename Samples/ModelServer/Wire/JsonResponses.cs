using System.Text.Json.Serialization.Metadata;

namespace OrleansMesh.Samples.ModelServer.Wire;

/// <summary>Writes JSON bodies straight into the response pipe with source-generated metadata.</summary>
internal static class JsonResponses
{
    public const string ContentType = "application/json; charset=utf-8";

    public static Task WriteAsync<T>(HttpContext context, T value, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Response.WriteAsJsonAsync(value, typeInfo, ContentType, context.RequestAborted);
    }

    /// <summary>Writes a body serialized once at start (health, model list): no serialization per request.</summary>
    public static Task WriteAsync(HttpContext context, ReadOnlyMemory<byte> utf8Json)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        response.ContentType = ContentType;
        response.ContentLength = utf8Json.Length;
        return response.Body.WriteAsync(utf8Json, context.RequestAborted).AsTask();
    }
}
