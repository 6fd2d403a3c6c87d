using System.Globalization;
using OrleansMesh.Samples.ModelServer.Generation;
using OrleansMesh.Samples.ModelServer.Hosting;
using OrleansMesh.Samples.ModelServer.Wire;

namespace OrleansMesh.Samples.ModelServer.Embeddings;

/// <summary><c>POST /v1/embeddings</c>: one deterministic vector per input.</summary>
internal sealed class EmbeddingsEndpoint(ModelServerOptions options, ModelIdentity model)
{
    public async Task HandleAsync(HttpContext context)
    {
        var request = await JsonBody.ReadAsync(context, ModelServerJsonContext.Default.EmbeddingRequest);
        if (request is null)
        {
            return;
        }

        if (request.Input is not { Count: > 0 } inputs)
        {
            await OpenAiErrors.WriteBadRequestAsync(context, "Missing required parameter: 'input'.", "input");
            return;
        }

        var dimensions = request.Dimensions ?? options.EmbeddingDimensions;
        if (dimensions is < 1 or > ModelServerDefaults.MaxEmbeddingDimensions)
        {
            var message = string.Create(
                CultureInfo.InvariantCulture,
                $"dimensions must be between 1 and {ModelServerDefaults.MaxEmbeddingDimensions}, but was {dimensions}.");
            await OpenAiErrors.WriteBadRequestAsync(context, message, "dimensions");
            return;
        }

        if (request.EncodingFormat is not (null or "float" or "base64"))
        {
            await OpenAiErrors.WriteBadRequestAsync(context, "encoding_format must be 'float' or 'base64'.", "encoding_format");
            return;
        }

        var asBase64 = request.EncodingFormat == "base64";
        var data = new EmbeddingData[inputs.Count];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = new EmbeddingData(i, new EmbeddingVector(EmbeddingGenerator.Generate(inputs[i], dimensions), asBase64));
        }

        var promptTokens = WordCounter.Count(inputs);
        var list = new EmbeddingList(data, model.Name, new EmbeddingUsage(promptTokens, promptTokens));
        await JsonResponses.WriteAsync(context, list, ModelServerJsonContext.Default.EmbeddingList);
    }
}
