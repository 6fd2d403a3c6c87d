namespace OrleansMesh.Gateway.Security.Authentication;

/// <summary>
/// Before routing: finds the request's tokens, checks those meant for the jwtRules applying to the gateway itself (the
/// root namespace's and the gateway namespace's, for every workload or selecting its labels) and records the outcome as
/// <see cref="IMeshAuthenticationFeature"/>.
/// </summary>
internal sealed class AuthenticationMiddleware(RequestDelegate next, SecuritySnapshotStore store, TokenAuthenticator authenticator)
{
    public Task InvokeAsync(HttpContext context)
    {
        // No jwtRule anywhere: no token to find or check, and readers of the feature take its absence as no token.
        var snapshot = store.Current;
        return snapshot.AllLocations.Count == 0 ? next(context) : AuthenticateAsync(context, snapshot);
    }

    private async Task AuthenticateAsync(HttpContext context, SecuritySnapshot snapshot)
    {
        var tokens = TokenFinder.Find(context.Request, snapshot.AllLocations);
        var feature = new MeshAuthenticationFeature(null, tokens);
        context.Features.Set<IMeshAuthenticationFeature>(feature);
        context.Features.Set(feature);
        if (await authenticator.AuthenticateAsync(context, feature, snapshot.Gateway.Providers) is { } failure)
        {
            await SecurityResponses.UnauthorizedAsync(context, failure.Code, failure.Message);
            return;
        }

        await next(context);
    }
}
