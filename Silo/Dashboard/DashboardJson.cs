using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansMesh.Silo.Dashboard;

/// <summary>The dashboard API's JSON: camelCase, enums by name, no indentation.</summary>
internal static class DashboardJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static Task WriteAsync<T>(HttpContext context, T value, int status = StatusCodes.Status200OK)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsJsonAsync(value, Options, context.RequestAborted);
    }

    public static Task ErrorAsync(HttpContext context, int status, string message) => WriteAsync(context, new { error = message }, status);
}
