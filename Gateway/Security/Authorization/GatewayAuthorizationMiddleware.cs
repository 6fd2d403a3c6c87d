namespace OrleansMesh.Gateway.Security.Authorization;

/// <summary>
/// Before routing: the policies that apply to the gateway itself, as a workload in its namespace with its labels (the
/// root namespace's and the gateway namespace's, for every workload or selecting its labels).
/// </summary>
internal sealed class GatewayAuthorizationMiddleware(RequestDelegate next, SecuritySnapshotStore store, AuthorizationAudit audit)
{
    public Task InvokeAsync(HttpContext context)
    {
        var policies = store.Current.Gateway.Policies;
        return policies.IsEmpty ? next(context) : AuthorizeAsync(context, policies);
    }

    private async Task AuthorizeAsync(HttpContext context, PolicySet policies)
    {
        var decision = policies.Evaluate(RequestAttributesFactory.AtGateway(context));
        audit.Record(context, decision, "gateway");
        if (!decision.Allowed)
        {
            await SecurityResponses.ForbiddenAsync(context, decision.Policy);
            return;
        }

        await next(context);
    }
}
