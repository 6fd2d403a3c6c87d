using System.Text.Json;
using OrleansMesh.Gateway.Inference;

namespace OrleansMesh.Fuzz.Targets;

/// <summary>
/// <see cref="InferenceBodyParser"/> against System.Text.Json's document parser as the reference: a body the parser
/// accepts is a JSON object whose one top-level <c>model</c> (printable ASCII, at most 256 characters) and
/// <c>stream</c> are what it read; a body that is not JSON is never accepted.
/// </summary>
internal sealed class InferenceBodyTarget : IFuzzTarget
{
    public string Name => "inference-body";

    public void Run(ReadOnlySpan<byte> input)
    {
        var accepted = InferenceBodyParser.TryParse(input, out var body, out var error);
        FuzzPropertyException.Check(accepted == error is null, $"accepted {accepted} with error {error}");
        JsonDocument? document = null;
        try
        {
            document = JsonDocument.Parse(input.ToArray());
        }
        catch (JsonException)
        {
            FuzzPropertyException.Check(!accepted, "accepted a body that is not JSON");
            FuzzPropertyException.Check(error?.Code == "invalid_json", $"malformed JSON refused as {error?.Code}");
            return;
        }

        using (document)
        {
            if (!accepted)
            {
                return;
            }

            var root = document.RootElement;
            FuzzPropertyException.Check(root.ValueKind == JsonValueKind.Object, "accepted a body that is not an object");
            var models = root.EnumerateObject().Where(p => p.NameEquals("model")).ToList();
            FuzzPropertyException.Check(models.Count == 1 && models[0].Value.ValueKind == JsonValueKind.String, "accepted without exactly one string model");
            FuzzPropertyException.Check(models[0].Value.GetString() == body.Model, $"read model '{body.Model}' but the body says '{models[0].Value.GetString()}'");
            FuzzPropertyException.Check(body.Model.Length is > 0 and <= InferenceBodyParser.MaxModelBytes && body.Model.All(c => c is >= ' ' and <= '~'), "a model that is not printable ASCII");
            var stream = root.EnumerateObject().LastOrDefault(p => p.NameEquals("stream"));
            var expected = stream.Value.ValueKind == JsonValueKind.True;
            FuzzPropertyException.Check(body.Stream == expected || root.EnumerateObject().Count(p => p.NameEquals("stream")) > 1, $"read stream {body.Stream}, the body says {expected}");
            FuzzPropertyException.Check(body.MaxTokens is null or >= 0, $"a negative token limit {body.MaxTokens}");
        }
    }
}
