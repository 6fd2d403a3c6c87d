namespace OrleansMesh.Samples.ModelServer.Wire;

/// <summary>Writes errors in OpenAI's shape so SDK clients surface them as API errors, not parse failures.</summary>
internal static class OpenAiErrors
{
    public const string InvalidRequest = "invalid_request_error";
    public const string ServerError = "server_error";

    public static Task WriteBadRequestAsync(HttpContext context, string message, string? param = null) =>
        WriteAsync(context, StatusCodes.Status400BadRequest, message, InvalidRequest, param);

    public static Task WriteAsync(HttpContext context, int statusCode, string message, string type, string? param = null, string? code = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = statusCode;
        var body = new ErrorResponse(new ErrorDetail(message, type, param, code));
        return JsonResponses.WriteAsync(context, body, ModelServerJsonContext.Default.ErrorResponse);
    }
}
