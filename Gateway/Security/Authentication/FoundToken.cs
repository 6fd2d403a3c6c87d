using OrleansMesh.Gateway.Security.Jwt;

namespace OrleansMesh.Gateway.Security.Authentication;

/// <summary>A token taken from a request, and where it was.</summary>
internal sealed record FoundToken(string Token, JwtLocation Location);
