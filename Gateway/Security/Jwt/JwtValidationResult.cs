using OrleansMesh.Gateway.Security.Authentication;

namespace OrleansMesh.Gateway.Security.Jwt;

/// <summary>A verified token (with the rule that accepted it and its encoded payload) or why it was refused.</summary>
internal sealed record JwtValidationResult(MeshAuthentication? Authentication, JwtProvider? Provider, string? EncodedPayload, JwtFailure? Failure)
{
    public bool Succeeded => Failure is null;

    public static JwtValidationResult Fail(string code, string message) => new(null, null, null, new JwtFailure(code, message));
}
