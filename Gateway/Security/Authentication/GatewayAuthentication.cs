using OrleansMesh.Gateway.Model;

namespace OrleansMesh.Gateway.Security.Authentication;

/// <summary>
/// Before routing (Envoy's jwt_authn): finds the request's tokens, checks those meant for the jwtRules applying to the
/// gateway itself (the root namespace's and the gateway namespace's, for every workload or selecting its labels) and
/// records the outcome as <see cref="IMeshAuthenticationFeature"/>.
/// </summary>
internal sealed class GatewayAuthentication(TokenAuthenticator authenticator)
{
    /// <summary>Null when the request may go on.</summary>
    public ValueTask<Rejection?> AuthenticateAsync(HttpContext context, SecuritySnapshot snapshot)
    {
        // No jwtRule anywhere: no token to find or check, and readers of the feature take its absence as no token.
        return snapshot.AllLocations.Count == 0 ? ValueTask.FromResult<Rejection?>(null) : CheckAsync(context, snapshot);
    }

    private async ValueTask<Rejection?> CheckAsync(HttpContext context, SecuritySnapshot snapshot)
    {
        var tokens = TokenFinder.Find(context.Request, snapshot.AllLocations);
        var feature = new MeshAuthenticationFeature(null, tokens);
        context.Features.Set<IMeshAuthenticationFeature>(feature);
        context.Features.Set(feature);
        return await authenticator.AuthenticateAsync(context, feature, snapshot.Gateway.Providers) is { } failure
            ? SecurityRejections.Unauthenticated(failure)
            : null;
    }
}
