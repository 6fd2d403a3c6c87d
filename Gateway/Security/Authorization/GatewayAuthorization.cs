using OrleansMesh.Gateway.Model;

namespace OrleansMesh.Gateway.Security.Authorization;

/// <summary>
/// Before routing (Envoy's rbac filter at the gateway): the policies that apply to the gateway itself, as a workload in
/// its namespace with its labels (the root namespace's and the gateway namespace's, for every workload or selecting its
/// labels).
/// </summary>
internal sealed class GatewayAuthorization(AuthorizationAudit audit)
{
    /// <summary>Null when the request may go on.</summary>
    public Rejection? Authorize(HttpContext context, SecuritySnapshot snapshot)
    {
        var policies = snapshot.Gateway.Policies;
        if (policies.IsEmpty)
        {
            return null;
        }

        var decision = policies.Evaluate(RequestAttributesFactory.AtGateway(context));
        audit.Record(context, decision, "gateway");
        return decision.Allowed ? null : SecurityRejections.Forbidden(decision.Policy);
    }
}
