namespace OrleansMesh.Security.Admin;

/// <summary>On an admin client (meshctl, the silo itself): sends the admin token with admin and elevated calls, and with nothing else.</summary>
public sealed class AdminTokenOutgoingFilter(string token) : IOutgoingGrainCallFilter
{
    /// <inheritdoc />
    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!AdminToken.IsAdminOperation(context.InterfaceMethod) && !AdminToken.IsElevatedOperation(context.InterfaceMethod))
        {
            await context.Invoke();
            return;
        }

        RequestContext.Set(AdminToken.RequestContextKey, token);
        try
        {
            await context.Invoke();
        }
        finally
        {
            RequestContext.Remove(AdminToken.RequestContextKey);
        }
    }
}
