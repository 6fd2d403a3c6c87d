namespace OrleansMesh.Gateway.Security.Jwt;

/// <summary>Why a token was refused; the message is what the 401 body says (Envoy's wording where it has one).</summary>
internal sealed record JwtFailure(string Code, string Message);
