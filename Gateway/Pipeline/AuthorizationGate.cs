using OrleansMesh.Gateway.LoadBalancing;
using OrleansMesh.Gateway.Model;
using OrleansMesh.Gateway.Security;
using OrleansMesh.Gateway.Security.Authentication;
using OrleansMesh.Gateway.Security.Authorization;

namespace OrleansMesh.Gateway.Pipeline;

/// <summary>
/// The destination-level check, once the endpoint is chosen: tokens against the jwtRules that apply to the endpoint (its
/// namespace and labels) and were not checked at the gateway, then the policies that apply to it (the root namespace's
/// and its own namespace's, each for every workload or selecting its labels), with <c>destination.ip</c> and
/// <c>destination.port</c> those of the endpoint. Reads only the in-memory snapshot.
/// </summary>
internal sealed class AuthorizationGate(TokenAuthenticator authenticator, AuthorizationAudit audit)
{
    /// <summary>
    /// Null when the request may be forwarded to <paramref name="endpoint"/> under <paramref name="security"/> (the
    /// request's snapshot); else the 401 or 403 refusal, and the caller must not forward.
    /// </summary>
    public async ValueTask<Rejection?> CheckAsync(HttpContext context, SecuritySnapshot security, UpstreamEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(security);
        ArgumentNullException.ThrowIfNull(endpoint);
        var workload = security.ForDestination(endpoint.Namespace, endpoint.Labels);
        if (workload.IsEmpty)
        {
            return null;
        }

        if (workload.Providers.Count > 0)
        {
            var feature = context.Features.Get<MeshAuthenticationFeature>() ?? new MeshAuthenticationFeature(null, []);
            if (await authenticator.AuthenticateAsync(context, feature, workload.Providers) is { } failure)
            {
                return SecurityRejections.Unauthenticated(failure);
            }
        }

        var decision = workload.Policies.Evaluate(RequestAttributesFactory.Create(context, RequestAttributesFactory.Address(endpoint.Address), (int)endpoint.Port));
        audit.Record(context, decision, endpoint.DestinationPrefix);
        return decision.Allowed ? null : SecurityRejections.Forbidden(decision.Policy);
    }
}
