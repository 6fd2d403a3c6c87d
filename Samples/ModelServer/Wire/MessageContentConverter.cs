using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansMesh.Samples.ModelServer.Wire;

/// <summary>
/// Reads a chat message's <c>content</c>, which OpenAI allows as a string or as an array of parts
/// (<c>[{"type":"text","text":"..."}]</c>); text parts are joined, other parts (images, audio) ignored.
/// </summary>
internal sealed class MessageContentConverter : JsonConverter<string?>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("A message's content must be a string or an array of content parts.");
        }

        var text = new StringBuilder();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException("Each content part must be an object.");
            }

            ReadPart(ref reader, text);
        }

        return text.ToString();
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }

    private static void ReadPart(ref Utf8JsonReader reader, StringBuilder text)
    {
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var isText = reader.ValueTextEquals("text"u8);
            reader.Read();
            if (isText && reader.TokenType == JsonTokenType.String)
            {
                text.Append(text.Length == 0 ? "" : " ").Append(reader.GetString());
            }
            else
            {
                reader.Skip();
            }
        }
    }
}
