using OrleansMesh.Gateway.Model;
using OrleansMesh.Gateway.Security.Jwt;

namespace OrleansMesh.Gateway.Security;

/// <summary>
/// The refusals of request security: <c>RBAC</c> for a policy denial (Envoy's flag), <c>DPE</c> for a path that cannot
/// be normalised (Envoy's downstream protocol error), and <c>JWT</c> for a refused token (Envoy sets none; ours, so that
/// clients can tell the gateway's 401 from an upstream one).
/// </summary>
internal static class SecurityRejections
{
    public static Rejection Unauthenticated(JwtFailure failure) => new(RejectionKind.Unauthenticated, failure.Message) { Code = failure.Code };

    public static Rejection Forbidden(string? policy) =>
        new(RejectionKind.Forbidden, policy is null ? "RBAC: access denied (no ALLOW policy matched)" : $"RBAC: access denied by policy {policy}");

    public static Rejection InvalidPath(string error) => new(RejectionKind.InvalidPath, $"the request path cannot be normalised: {error}");
}
