namespace OrleansMesh.Gateway.Security.Authentication;

/// <summary>
/// Before routing: finds the request's tokens, checks those meant for the gateway's own jwtRules (mesh-wide ones and
/// those selecting the gateway's labels) and records the outcome as <see cref="IMeshAuthenticationFeature"/>.
/// </summary>
internal sealed class AuthenticationMiddleware(RequestDelegate next, SecuritySnapshotStore store, TokenAuthenticator authenticator)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var snapshot = store.Current;
        var tokens = snapshot.AllLocations.Count == 0 ? [] : TokenFinder.Find(context.Request, snapshot.AllLocations);
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
