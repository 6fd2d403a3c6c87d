using OrleansMesh.Gateway.LoadBalancing;
using OrleansMesh.Gateway.Security.Authentication;

namespace OrleansMesh.Gateway.Security.Authorization;

/// <summary>
/// The destination-level check, once the endpoint is chosen: tokens against the jwtRules that apply to the endpoint (its
/// namespace and labels) and were not checked at the gateway, then the policies that apply to it (the root namespace's
/// and its own namespace's, each for every workload or selecting its labels), with <c>destination.ip</c> and
/// <c>destination.port</c> those of the endpoint. Reads only the in-memory snapshot.
/// </summary>
internal sealed class AuthorizationGate(SecuritySnapshotStore store, TokenAuthenticator authenticator, AuthorizationAudit audit)
{
    /// <summary>
    /// True when the request may be forwarded to <paramref name="endpoint"/>; false when it was refused, in which case
    /// the 401 or 403 response has been written and the caller must not forward.
    /// </summary>
    public async ValueTask<bool> CheckAsync(HttpContext context, UpstreamEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(endpoint);
        var workload = store.Current.ForDestination(endpoint.Namespace, endpoint.Labels);
        if (workload.IsEmpty)
        {
            return true;
        }

        if (workload.Providers.Count > 0)
        {
            var feature = context.Features.Get<MeshAuthenticationFeature>() ?? new MeshAuthenticationFeature(null, []);
            if (await authenticator.AuthenticateAsync(context, feature, workload.Providers) is { } failure)
            {
                await SecurityResponses.UnauthorizedAsync(context, failure.Code, failure.Message);
                return false;
            }
        }

        var decision = workload.Policies.Evaluate(RequestAttributesFactory.Create(context, RequestAttributesFactory.Address(endpoint.Address), (int)endpoint.Port));
        audit.Record(context, decision, endpoint.DestinationPrefix);
        if (decision.Allowed)
        {
            return true;
        }

        await SecurityResponses.ForbiddenAsync(context, decision.Policy);
        return false;
    }
}
