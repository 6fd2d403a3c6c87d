namespace OrleansMesh.Gateway.Security.Authorization;

/// <summary>Before routing: the policies that apply to the gateway itself (mesh-wide ones and those selecting its labels).</summary>
internal sealed class GatewayAuthorizationMiddleware(RequestDelegate next, SecuritySnapshotStore store, AuthorizationAudit audit)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var policies = store.Current.Gateway.Policies;
        if (!policies.IsEmpty)
        {
            var decision = policies.Evaluate(RequestAttributesFactory.AtGateway(context));
            audit.Record(context, decision, "gateway");
            if (!decision.Allowed)
            {
                await SecurityResponses.ForbiddenAsync(context, decision.Policy);
                return;
            }
        }

        await next(context);
    }
}
