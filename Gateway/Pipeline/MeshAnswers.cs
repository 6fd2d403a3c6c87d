using System.Globalization;
using System.Text.Json;
using OrleansMesh.Gateway.Inference;
using OrleansMesh.Gateway.Model;
using OrleansMesh.Gateway.RateLimiting;

namespace OrleansMesh.Gateway.Pipeline;

/// <summary>
/// The one place the mesh's own answers are written: a step's <see cref="Rejection"/> becomes the status and Envoy's
/// response flag in <c>x-mesh-response-flags</c> of <see cref="RejectionAnswer"/> (so clients and logs tell them from
/// upstream answers) and a JSON body, the mesh's <c>{"error":{"code","message"}}</c> or, to OpenAI-compatible
/// clients, OpenAI's error shape. Nothing is written once the response has started.
/// </summary>
internal static class MeshAnswers
{
    public static Task WriteAsync(HttpContext context, Rejection rejection)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(rejection);
        var response = context.Response;
        if (response.HasStarted)
        {
            return Task.CompletedTask;
        }

        var (status, _, code) = RejectionAnswer.Of(rejection);
        response.Clear();
        response.StatusCode = status;
        switch (rejection.Kind)
        {
            case RejectionKind.ClientGone:
                return Task.CompletedTask;
            case RejectionKind.InvalidModelRequest:
                return OpenAiErrorResponses.WriteAsync(context, status, rejection.Message, InferenceError.InvalidRequestType, rejection.Param, code);
        }

        response.Headers[MeshErrorResponses.FlagsHeader] = RejectionAnswer.Flags(rejection);
        if (rejection.RetryAfterSeconds > 0)
        {
            response.Headers.RetryAfter = rejection.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }

        switch (rejection.Kind)
        {
            case RejectionKind.TokenRateLimited:
                return TokenRateLimitResponse.WriteBodyAsync(context, rejection.Message);
            case RejectionKind.InferenceShed or RejectionKind.InferenceQueueTimeout:
                // OpenAI's shape for an overloaded engine: clients of model APIs retry on it.
                return OpenAiErrorResponses.WriteBodyAsync(context, rejection.Message, rejection.Kind == RejectionKind.InferenceShed ? "rate_limit_exceeded" : "server_error", null, code);
            case RejectionKind.Unauthenticated:
                response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
                break;
            case RejectionKind.BadFraming:
                // The request's framing cannot be trusted: nothing after it on this HTTP/1.x connection can be either.
                response.Headers.Connection = "close";
                break;
        }

        response.ContentType = "application/json";
        return response.WriteAsync(JsonSerializer.Serialize(new MeshError(new MeshErrorDetail(code, rejection.Message)), MeshErrorJsonContext.Default.MeshError), context.RequestAborted);
    }
}
