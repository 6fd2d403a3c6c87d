using System.Text.Json;

namespace OrleansMesh.Gateway.Inference;

/// <summary>
/// Finds OpenAI's <c>usage</c> (<c>prompt_tokens</c>, <c>completion_tokens</c>) and the response's <c>model</c> in
/// response bytes. A raw <c>"usage"</c> followed by <c>:</c> can only be a key: inside a JSON string a quote is always
/// escaped, so generated text never fakes one.
/// </summary>
internal static class UsageJson
{
    private static ReadOnlySpan<byte> UsageKey => "\"usage\""u8;

    private static ReadOnlySpan<byte> ModelKey => "\"model\""u8;

    /// <summary>Whether <paramref name="json"/> holds a <c>"usage"</c> key whose value is an object (not <c>null</c>).</summary>
    public static bool HasUsageObject(ReadOnlySpan<byte> json) => LastValueOf(json, UsageKey, (byte)'{') >= 0;

    /// <summary>Parses one whole JSON object (an SSE event's data): its top-level <c>usage</c> and <c>model</c>.</summary>
    /// <param name="json">The event's data.</param>
    /// <param name="usage">The usage found, or null.</param>
    /// <param name="model">The model found, or null: <paramref name="requested"/> itself when it names that.</param>
    /// <param name="requested">The model the request named, or null.</param>
    public static bool TryReadEvent(ReadOnlySpan<byte> json, out TokenUsage? usage, out string? model, string? requested = null)
    {
        usage = null;
        model = null;
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("usage"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.StartObject && TryReadUsage(ref reader, out var found))
                    {
                        usage = found;
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
                else if (reader.ValueTextEquals("model"u8))
                {
                    reader.Read();
                    model = reader.TokenType == JsonTokenType.String ? ModelValue(ref reader, requested) : model;
                    reader.Skip();
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// The last complete <c>"usage": {…}</c> object anywhere in <paramref name="window"/> (a tail of a JSON response:
    /// OpenAI writes usage last). False when there is none or it is cut off at the window's end.
    /// </summary>
    public static bool TryReadLastUsage(ReadOnlySpan<byte> window, out TokenUsage usage)
    {
        usage = default;
        var start = LastValueOf(window, UsageKey, (byte)'{');
        if (start < 0)
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(window[start..], isFinalBlock: false, state: default);
            return reader.Read() && TryReadUsage(ref reader, out usage);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// The last complete <c>"model": "…"</c> string in <paramref name="window"/>, or null; <paramref name="requested"/>
    /// itself when it names the model the request named.
    /// </summary>
    public static string? LastModel(ReadOnlySpan<byte> window, string? requested = null)
    {
        var start = LastValueOf(window, ModelKey, (byte)'"');
        if (start < 0)
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(window[start..], isFinalBlock: false, state: default);
            return reader.Read() && reader.TokenType == JsonTokenType.String ? ModelValue(ref reader, requested) : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    // A response nearly always names the model the request asked for: that string is reused rather than copied again.
    private static string? ModelValue(ref Utf8JsonReader reader, string? requested) =>
        requested is not null && reader.ValueTextEquals(requested) ? requested : reader.GetString();

    // The reader is on the usage object's StartObject; false if the object is cut off or has no token counts.
    private static bool TryReadUsage(ref Utf8JsonReader reader, out TokenUsage usage)
    {
        usage = default;
        int? input = null;
        var output = 0;
        var depth = reader.CurrentDepth;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth)
            {
                if (input is null)
                {
                    return false;
                }

                usage = new TokenUsage(input.Value, output);
                return true;
            }

            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != depth + 1)
            {
                continue;
            }

            var isInput = reader.ValueTextEquals("prompt_tokens"u8);
            var isOutput = !isInput && reader.ValueTextEquals("completion_tokens"u8);
            if (!reader.Read())
            {
                return false;
            }

            if ((isInput || isOutput) && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var count) && count >= 0)
            {
                if (isInput)
                {
                    input = count;
                }
                else
                {
                    output = count;
                }
            }
        }

        return false;
    }

    // The index of the value after the last `key :` whose value starts with `first`, or -1.
    private static int LastValueOf(ReadOnlySpan<byte> json, ReadOnlySpan<byte> key, byte first)
    {
        var end = json.Length;
        while (end > 0)
        {
            var at = json[..end].LastIndexOf(key);
            if (at < 0)
            {
                return -1;
            }

            var rest = json[(at + key.Length)..];
            var colon = SkipWhitespace(rest);
            if (colon < rest.Length && rest[colon] == (byte)':')
            {
                var value = colon + 1 + SkipWhitespace(rest[(colon + 1)..]);
                if (value < rest.Length && rest[value] == first)
                {
                    return at + key.Length + value;
                }
            }

            end = at;
        }

        return -1;
    }

    private static int SkipWhitespace(ReadOnlySpan<byte> span)
    {
        var i = span.IndexOfAnyExcept(" \t\r\n"u8);
        return i < 0 ? span.Length : i;
    }
}
