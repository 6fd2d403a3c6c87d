using System.Text.Json;
using OrleansMesh.Gateway.Forwarding;

namespace OrleansMesh.Gateway.Security;

/// <summary>
/// The gateway's own refusals, in the JSON shape of <see cref="MeshErrorResponses"/>. Response flags:
/// <c>RBAC</c> for a policy denial (Envoy's flag), <c>DPE</c> for a request refused as malformed (Envoy's
/// downstream protocol error), and <c>JWT</c> for a refused token (Envoy sets none; ours, so that clients can tell
/// the gateway's 401 from an upstream one).
/// </summary>
internal static class SecurityResponses
{
    public static Task UnauthorizedAsync(HttpContext context, string code, string message)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        return WriteAsync(context, StatusCodes.Status401Unauthorized, "JWT", code, message);
    }

    public static Task ForbiddenAsync(HttpContext context, string? policy) =>
        WriteAsync(context, StatusCodes.Status403Forbidden, "RBAC", "rbac_access_denied", policy is null ? "RBAC: access denied (no ALLOW policy matched)" : $"RBAC: access denied by policy {policy}");

    public static Task BadRequestAsync(HttpContext context, string code, string message) =>
        WriteAsync(context, StatusCodes.Status400BadRequest, "DPE", code, message);

    private static Task WriteAsync(HttpContext context, int status, string flag, string code, string message)
    {
        var response = context.Response;
        if (response.HasStarted)
        {
            return Task.CompletedTask;
        }

        var authenticate = response.Headers.WWWAuthenticate;
        response.Clear();
        response.StatusCode = status;
        response.Headers[MeshErrorResponses.FlagsHeader] = flag;
        if (status == StatusCodes.Status401Unauthorized)
        {
            response.Headers.WWWAuthenticate = authenticate;
        }

        response.ContentType = "application/json";
        return response.WriteAsync(JsonSerializer.Serialize(new MeshError(new MeshErrorDetail(code, message)), MeshErrorJsonContext.Default.MeshError), context.RequestAborted);
    }
}
