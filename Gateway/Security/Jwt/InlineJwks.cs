using Microsoft.IdentityModel.Tokens;

namespace OrleansMesh.Gateway.Security.Jwt;

/// <summary>Keys given inline in the rule (<c>jwks</c>): fixed until the config changes.</summary>
internal sealed class InlineJwks(IReadOnlyList<JsonWebKey> keys) : IJwksSource
{
    public ValueTask<IReadOnlyList<JsonWebKey>> GetKeysAsync(CancellationToken cancellationToken) => ValueTask.FromResult(keys);

    public ValueTask<IReadOnlyList<JsonWebKey>> RefreshForUnknownKeyAsync(CancellationToken cancellationToken) => ValueTask.FromResult(keys);
}
