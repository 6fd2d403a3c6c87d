using Microsoft.IdentityModel.Tokens;

namespace OrleansMesh.Gateway.Security.Jwt;

/// <summary>The verification keys of one issuer.</summary>
internal interface IJwksSource
{
    /// <summary>The current keys; waits (bounded by the fetch timeout) only when none were ever fetched.</summary>
    ValueTask<IReadOnlyList<JsonWebKey>> GetKeysAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Called when a token names a <c>kid</c> the keys lack: fetches again at most once per rate-limit window,
    /// concurrent callers sharing one fetch, and returns the keys then held.
    /// </summary>
    ValueTask<IReadOnlyList<JsonWebKey>> RefreshForUnknownKeyAsync(CancellationToken cancellationToken);
}
