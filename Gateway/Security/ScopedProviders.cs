using OrleansMesh.Gateway.Security.Jwt;

namespace OrleansMesh.Gateway.Security;

/// <summary>The compiled jwtRules of one RequestAuthentication, and the workloads they apply to.</summary>
internal sealed record ScopedProviders(PolicyScope Scope, IReadOnlyList<JwtProvider> Providers);
