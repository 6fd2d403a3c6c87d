using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansMesh.Samples.ModelServer.Wire;

/// <summary>
/// Reads OpenAI's polymorphic <c>prompt</c>/<c>input</c>: a string, an array of strings, an array of token ids,
/// or an array of token-id arrays. Token arrays become one text each (ids joined by spaces), so they count and hash like words.
/// </summary>
internal sealed class TextInputsConverter : JsonConverter<IReadOnlyList<string>>
{
    public override IReadOnlyList<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return [reader.GetString()!];
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("Expected a string or an array of strings or token ids.");
        }

        var inputs = new List<string>();
        StringBuilder? tokenIds = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    inputs.Add(reader.GetString()!);
                    break;
                case JsonTokenType.Number:
                    AppendTokenId(ref reader, tokenIds ??= new StringBuilder());
                    break;
                case JsonTokenType.StartArray:
                    inputs.Add(ReadTokenIds(ref reader));
                    break;
                default:
                    throw new JsonException("Expected strings, token ids or arrays of token ids.");
            }
        }

        if (tokenIds is not null)
        {
            inputs.Add(tokenIds.ToString());
        }

        return inputs;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<string> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        foreach (var item in value)
        {
            writer.WriteStringValue(item);
        }

        writer.WriteEndArray();
    }

    private static string ReadTokenIds(ref Utf8JsonReader reader)
    {
        var ids = new StringBuilder();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.Number)
            {
                throw new JsonException("A token array may hold only integers.");
            }

            AppendTokenId(ref reader, ids);
        }

        return ids.ToString();
    }

    private static void AppendTokenId(ref Utf8JsonReader reader, StringBuilder ids)
    {
        if (!reader.TryGetInt64(out var id))
        {
            throw new JsonException("Token ids must be integers.");
        }

        ids.Append(ids.Length == 0 ? "" : " ").Append(id.ToString(CultureInfo.InvariantCulture));
    }
}
