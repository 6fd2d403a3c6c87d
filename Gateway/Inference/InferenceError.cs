using OrleansMesh.Gateway.Model;

namespace OrleansMesh.Gateway.Inference;

/// <summary>Why an inference request is refused before routing, in OpenAI's error terms.</summary>
/// <param name="StatusCode">400, or 413 for a body over the limit.</param>
/// <param name="Message">For the caller.</param>
/// <param name="Param">The offending field, or null.</param>
/// <param name="Code">A stable machine-readable reason.</param>
internal sealed record InferenceError(int StatusCode, string Message, string? Param, string Code)
{
    public const string InvalidRequestType = "invalid_request_error";

    /// <summary>The request path's refusal carrying this error.</summary>
    public Rejection ToRejection() => new(RejectionKind.InvalidModelRequest, Message) { StatusCode = StatusCode, Code = Code, Param = Param };

    public static InferenceError UnsupportedContentType { get; } = new(StatusCodes.Status400BadRequest, "The request body must be JSON (Content-Type: application/json).", null, "unsupported_content_type");

    public static InferenceError EmptyBody { get; } = new(StatusCodes.Status400BadRequest, "The request has no body; a JSON object with a 'model' is required.", null, "invalid_json");

    public static InferenceError MalformedJson { get; } = new(StatusCodes.Status400BadRequest, "We could not parse the JSON body of your request.", null, "invalid_json");

    public static InferenceError NotAnObject { get; } = new(StatusCodes.Status400BadRequest, "The request body must be a JSON object.", null, "invalid_json");

    public static InferenceError MissingModel { get; } = new(StatusCodes.Status400BadRequest, "You must provide a model parameter.", "model", "missing_model");

    public static InferenceError InvalidModel { get; } = new(StatusCodes.Status400BadRequest, $"'model' must be a non-empty string of printable ASCII, at most {InferenceBodyParser.MaxModelBytes} characters.", "model", "invalid_model");

    public static InferenceError DuplicateModel { get; } = new(StatusCodes.Status400BadRequest, "'model' is given more than once.", "model", "invalid_model");

    public static InferenceError InvalidStream { get; } = new(StatusCodes.Status400BadRequest, "'stream' must be a boolean.", "stream", "invalid_type");

    public static InferenceError TooLarge(int limit) =>
        new(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than the gateway's limit of {limit} bytes.", null, "request_too_large");

    public static InferenceError InvalidTokenCount(string param) =>
        new(StatusCodes.Status400BadRequest, $"'{param}' must be a non-negative integer.", param, "invalid_type");
}
