using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace OrleansMesh.Samples.ModelServer.Wire;

/// <summary>Reads a request body; on malformed JSON answers 400 in OpenAI's shape and returns null.</summary>
internal static class JsonBody
{
    public static async Task<T?> ReadAsync<T>(HttpContext context, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        T? value;
        try
        {
            // Deserializing from the pipe parses as bytes arrive, without copying the body into a buffer first.
            value = await JsonSerializer.DeserializeAsync(context.Request.BodyReader, typeInfo, context.RequestAborted);
        }
        catch (JsonException ex)
        {
            await OpenAiErrors.WriteBadRequestAsync(context, $"We could not parse the JSON body of your request. {ex.Message}");
            return null;
        }

        if (value is null)
        {
            await OpenAiErrors.WriteBadRequestAsync(context, "The request body must be a JSON object.");
        }

        return value;
    }
}
