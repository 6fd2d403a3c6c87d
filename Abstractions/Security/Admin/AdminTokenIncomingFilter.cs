namespace OrleansMesh.Security.Admin;

/// <summary>
/// On a silo with an admin token: refuses admin calls without it, marks elevated calls that carry it (see
/// <see cref="AdminToken.IsVerifiedCaller"/>), and strips it from every call it arrives with.
/// </summary>
public sealed class AdminTokenIncomingFilter(string token) : IIncomingGrainCallFilter
{
    /// <inheritdoc />
    public Task Invoke(IIncomingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var presented = RequestContext.Get(AdminToken.RequestContextKey);
        RequestContext.Remove(AdminToken.RequestContextKey);
        RequestContext.Remove(AdminToken.VerifiedRequestContextKey);
        if (AdminToken.IsAdminOperation(context.InterfaceMethod) && !AdminToken.Matches(token, presented))
        {
            throw new UnauthorizedAccessException(
                $"{context.InterfaceMethod?.DeclaringType?.Name}.{context.InterfaceMethod?.Name} needs the mesh admin token: set {AdminToken.ConfigurationKey.Replace(":", "__", StringComparison.Ordinal)} to the silo's.");
        }

        return AdminToken.IsElevatedOperation(context.InterfaceMethod) && AdminToken.Matches(token, presented)
            ? InvokeVerifiedAsync(context)
            : context.Invoke();
    }

    private static async Task InvokeVerifiedAsync(IIncomingGrainCallContext context)
    {
        AdminToken.MarkVerified();
        try
        {
            await context.Invoke();
        }
        finally
        {
            RequestContext.Remove(AdminToken.VerifiedRequestContextKey);
        }
    }
}
