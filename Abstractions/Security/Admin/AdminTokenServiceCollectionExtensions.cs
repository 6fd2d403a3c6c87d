using Microsoft.Extensions.DependencyInjection;

namespace OrleansMesh.Security.Admin;

/// <summary>Wires the admin token into an Orleans silo or client.</summary>
public static class AdminTokenServiceCollectionExtensions
{
    /// <summary>
    /// With a token: a silo (<paramref name="enforce"/> true) refuses admin calls without it and sends it on its own;
    /// a client sends it with admin calls. Without one (null or empty): nothing is added, admin calls stay open.
    /// </summary>
    /// <exception cref="ArgumentException">The token is shorter than <see cref="AdminToken.MinLength"/> characters.</exception>
    public static IServiceCollection AddMeshAdminToken(this IServiceCollection services, string? token, bool enforce)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (string.IsNullOrEmpty(token))
        {
            return services;
        }

        if (token.Length < AdminToken.MinLength)
        {
            throw new ArgumentException($"{AdminToken.ConfigurationKey} must be at least {AdminToken.MinLength} characters (e.g. 32 random hex digits); it has {token.Length}.", nameof(token));
        }

        services.AddSingleton<IOutgoingGrainCallFilter>(new AdminTokenOutgoingFilter(token));
        if (enforce)
        {
            services.AddSingleton<IIncomingGrainCallFilter>(new AdminTokenIncomingFilter(token));
        }

        return services;
    }
}
