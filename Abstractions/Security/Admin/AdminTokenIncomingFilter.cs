namespace OrleansMesh.Security.Admin;

/// <summary>On a silo with an admin token: refuses admin calls without it, and strips it from every call it arrives with.</summary>
public sealed class AdminTokenIncomingFilter(string token) : IIncomingGrainCallFilter
{
    /// <inheritdoc />
    public Task Invoke(IIncomingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var presented = RequestContext.Get(AdminToken.RequestContextKey);
        RequestContext.Remove(AdminToken.RequestContextKey);
        if (AdminToken.IsAdminOperation(context.InterfaceMethod) && !AdminToken.Matches(token, presented))
        {
            throw new UnauthorizedAccessException(
                $"{context.InterfaceMethod?.DeclaringType?.Name}.{context.InterfaceMethod?.Name} needs the mesh admin token: set {AdminToken.ConfigurationKey.Replace(":", "__", StringComparison.Ordinal)} to the silo's.");
        }

        return context.Invoke();
    }
}
