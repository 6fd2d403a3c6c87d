using System.Text.Json;

namespace OrleansMesh.Gateway.Inference;

/// <summary>
/// Reads <c>model</c>, <c>stream</c> and the token limit from an OpenAI-compatible JSON body with a forward-only
/// <see cref="Utf8JsonReader"/> (no DOM): top-level properties only, everything else skipped but still validated, so
/// a body the upstream could not parse is refused here. A repeated <c>model</c> is refused too: parsers disagree on
/// which one wins, and the gateway must route on the one the model server reads.
/// </summary>
internal static class InferenceBodyParser
{
    /// <summary>Longest model name accepted (printable ASCII, so bytes = characters); it becomes a header and a metric label.</summary>
    public const int MaxModelBytes = 256;

    public const string MaxTokensParam = "max_tokens";
    public const string MaxCompletionTokensParam = "max_completion_tokens";

    public static bool TryParse(ReadOnlySpan<byte> json, out InferenceBody body, out InferenceError? error)
    {
        body = default;
        if (json.IsEmpty)
        {
            error = InferenceError.EmptyBody;
            return false;
        }

        try
        {
            return TryParseObject(json, out body, out error);
        }
        catch (JsonException)
        {
            error = InferenceError.MalformedJson;
            return false;
        }
    }

    private static bool TryParseObject(ReadOnlySpan<byte> json, out InferenceBody body, out InferenceError? error)
    {
        body = default;
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            // The rest is read anyway: malformed JSON is reported as such, not as "not an object".
            while (reader.Read())
            {
            }

            error = InferenceError.NotAnObject;
            return false;
        }

        string? model = null;
        var stream = false;
        int? maxTokens = null;
        int? maxCompletionTokens = null;
        error = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("model"u8))
            {
                reader.Read();
                error ??= model is not null ? InferenceError.DuplicateModel : ReadModel(ref reader, out model);
            }
            else if (reader.ValueTextEquals("stream"u8))
            {
                reader.Read();
                if (reader.TokenType is JsonTokenType.True or JsonTokenType.False)
                {
                    stream = reader.GetBoolean();
                }
                else if (reader.TokenType != JsonTokenType.Null)
                {
                    error ??= InferenceError.InvalidStream;
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("max_tokens"u8))
            {
                reader.Read();
                error ??= ReadTokenCount(ref reader, MaxTokensParam, out maxTokens);
            }
            else if (reader.ValueTextEquals("max_completion_tokens"u8))
            {
                reader.Read();
                error ??= ReadTokenCount(ref reader, MaxCompletionTokensParam, out maxCompletionTokens);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        // Past the closing brace: only whitespace may follow (the reader throws on anything else).
        while (reader.Read())
        {
        }

        if (error is not null)
        {
            return false;
        }

        if (model is null)
        {
            error = InferenceError.MissingModel;
            return false;
        }

        body = new InferenceBody(model, stream, maxCompletionTokens ?? maxTokens);
        return true;
    }

    private static InferenceError? ReadModel(ref Utf8JsonReader reader, out string? model)
    {
        model = null;
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return InferenceError.InvalidModel;
        }

        // The escaped length bounds the unescaped one from above.
        if (reader.ValueSpan.Length > MaxModelBytes * 6 || reader.ValueSpan.IsEmpty)
        {
            return InferenceError.InvalidModel;
        }

        if (RecentModelNames.Find(ref reader) is { } known)
        {
            model = known;
            return null;
        }

        // Printable ASCII only: the name travels on as a header, and HTTP clients refuse control and non-ASCII characters there.
        // Bytes that are not UTF-8, or an escaped lone surrogate (\ud800), make GetString throw InvalidOperationException
        // (a 500, found by fuzzing): neither is a usable name.
        string value;
        try
        {
            value = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return InferenceError.InvalidModel;
        }

        if (value.Length is 0 or > MaxModelBytes || value.AsSpan().ContainsAnyExceptInRange(' ', '~'))
        {
            return InferenceError.InvalidModel;
        }

        RecentModelNames.Remember(ref reader, value);
        model = value;
        return null;
    }

    private static InferenceError? ReadTokenCount(ref Utf8JsonReader reader, string param, out int? count)
    {
        count = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value) && value >= 0)
        {
            count = value;
            return null;
        }

        reader.Skip();
        return InferenceError.InvalidTokenCount(param);
    }
}
