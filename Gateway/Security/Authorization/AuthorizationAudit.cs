namespace OrleansMesh.Gateway.Security.Authorization;

/// <summary>Logs denials and AUDIT matches, as Envoy's RBAC filter reports them to its access log.</summary>
internal sealed partial class AuthorizationAudit(ILogger<AuthorizationAudit> logger)
{
    public void Record(HttpContext context, AuthorizationDecision decision, string enforcedAt)
    {
        foreach (var policy in decision.Audited)
        {
            LogAudited(policy, context.Request.Method, context.Request.Path.Value ?? "/", enforcedAt);
        }

        if (!decision.Allowed)
        {
            LogDenied(decision.Policy ?? "(no ALLOW policy matched)", context.Request.Method, context.Request.Path.Value ?? "/", enforcedAt);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "AUDIT policy {Policy} matched {Method} {Path} at {EnforcedAt}")]
    private partial void LogAudited(string policy, string method, string path, string enforcedAt);

    [LoggerMessage(Level = LogLevel.Debug, Message = "RBAC denied {Method} {Path} at {EnforcedAt}: {Policy}")]
    private partial void LogDenied(string policy, string method, string path, string enforcedAt);
}
