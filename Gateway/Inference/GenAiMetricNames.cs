
namespace OrleansMesh.Gateway.Inference;

/// <summary>
/// OpenTelemetry's GenAI semantic conventions (opentelemetry.io, "Semantic conventions for generative AI metrics";
/// development status): metric and attribute names, units and the advised bucket boundaries.
/// </summary>
internal static class GenAiMetricNames
{
    public const string MeterName = "OrleansMesh.Gateway.GenAI";

    public const string TokenUsage = "gen_ai.client.token.usage";
    public const string TimeToFirstToken = "gen_ai.server.time_to_first_token";
    public const string RequestDuration = "gen_ai.server.request.duration";

    public const string TokenUnit = "{token}";
    public const string SecondsUnit = "s";

    public const string OperationName = "gen_ai.operation.name";
    public const string ProviderName = "gen_ai.provider.name";
    public const string RequestModel = "gen_ai.request.model";
    public const string ResponseModel = "gen_ai.response.model";
    public const string TokenType = "gen_ai.token.type";
    public const string ErrorType = "error.type";

    public const string Input = "input";
    public const string Output = "output";

    /// <summary>The provider enum value of the OpenAI API, which every upstream here speaks.</summary>
    public const string OpenAi = "openai";

    /// <summary><c>error.type</c> of a request the client abandoned before its response was done.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>The advised boundaries of <c>gen_ai.client.token.usage</c>: powers of 4 from 1 to 4^13.</summary>
    public static readonly long[] TokenBuckets = [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864];

    /// <summary>The advised boundaries of <c>gen_ai.server.time_to_first_token</c>, in seconds.</summary>
    public static readonly double[] TimeToFirstTokenBuckets = [0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0];

    /// <summary>The advised boundaries of <c>gen_ai.server.request.duration</c>, in seconds.</summary>
    public static readonly double[] DurationBuckets = [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92];

    /// <summary><c>gen_ai.operation.name</c> of an operation.</summary>
    public static string Operation(InferenceOperation operation) => operation switch
    {
        InferenceOperation.TextCompletion => "text_completion",
        InferenceOperation.Embeddings => "embeddings",
        _ => "chat",
    };
}
