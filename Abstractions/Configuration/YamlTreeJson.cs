using System.Globalization;
using System.Text.Json;

namespace OrleansMesh.Configuration;

/// <summary>
/// Writes a <see cref="YamlTreeNode"/> as JSON. The writer's trees spell every string that could be read as another type
/// in quotes, so a plain scalar is a boolean, a number or null when it reads as one, and a string otherwise.
/// </summary>
internal static class YamlTreeJson
{
    public static void Write(Utf8JsonWriter json, YamlTreeNode node)
    {
        switch (node)
        {
            case YamlTreeMapping mapping:
                json.WriteStartObject();
                foreach (var entry in mapping.Entries)
                {
                    json.WritePropertyName(entry.Key.Value);
                    Write(json, entry.Value);
                }

                json.WriteEndObject();
                break;
            case YamlTreeSequence sequence:
                json.WriteStartArray();
                foreach (var item in sequence.Items)
                {
                    Write(json, item);
                }

                json.WriteEndArray();
                break;
            case YamlTreeScalar { IsPlain: true, IsNull: true }:
                json.WriteNullValue();
                break;
            case YamlTreeScalar { IsPlain: true, Value: "true" or "false" } scalar:
                json.WriteBooleanValue(scalar.Value == "true");
                break;
            case YamlTreeScalar { IsPlain: true } scalar when IsNumber(scalar.Value):
                json.WriteRawValue(scalar.Value);
                break;
            case YamlTreeScalar scalar:
                json.WriteStringValue(scalar.Value);
                break;
            default:
                throw new ArgumentException($"cannot write {node.Describe()} as JSON", nameof(node));
        }
    }

    // JSON's number grammar is stricter than .NET's parser: no leading '+', no leading zeros, no bare '.5'.
    private static bool IsNumber(string text) =>
        text.Length > 0
        && (char.IsAsciiDigit(text[0]) || (text[0] == '-' && text.Length > 1 && char.IsAsciiDigit(text[1])))
        && !(text.TrimStart('-') is ['0', char c, ..] && char.IsAsciiDigit(c))
        && !text.EndsWith('.')
        && !text.Contains(".e", StringComparison.OrdinalIgnoreCase)
        && double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value)
        && double.IsFinite(value);
}
