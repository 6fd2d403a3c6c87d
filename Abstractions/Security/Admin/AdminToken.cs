using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using OrleansMesh.ControlPlane;
using OrleansMesh.Resilience;
using OrleansMesh.Security.Identity;

namespace OrleansMesh.Security.Admin;

/// <summary>
/// The admin token (<c>OrleansMesh__AdminToken</c>): when a silo has one, the grain methods that change the mesh or
/// reveal its inventory (<see cref="IsAdminOperation"/>) are refused to callers that do not send it. It travels in the
/// Orleans request context, set by <see cref="AdminTokenOutgoingFilter"/> for those calls only and removed by
/// <see cref="AdminTokenIncomingFilter"/> before the grain runs, so it never flows on to gateways.
/// </summary>
public static class AdminToken
{
    /// <summary>The configuration key, env <c>OrleansMesh__AdminToken</c>.</summary>
    public const string ConfigurationKey = "OrleansMesh:AdminToken";

    /// <summary>The request-context key the token travels under.</summary>
    public const string RequestContextKey = "om.admin-token";

    /// <summary>Shortest token accepted: guessing must be out of reach.</summary>
    public const int MinLength = 16;

    private static readonly FrozenSet<(Type, string)> s_adminOperations = new HashSet<(Type, string)>
    {
        (typeof(IMeshConfigGrain), nameof(IMeshConfigGrain.ApplyAsync)),
        (typeof(IMeshConfigGrain), nameof(IMeshConfigGrain.DeleteAsync)),
        (typeof(ICertificateAuthorityGrain), nameof(ICertificateAuthorityGrain.RevokeAsync)),
        (typeof(ICertificateAuthorityGrain), nameof(ICertificateAuthorityGrain.ListIssuedAsync)),
        (typeof(IDestinationHealthGrain), nameof(IDestinationHealthGrain.OverrideAsync)),
    }.ToFrozenSet();

    /// <summary>Whether <paramref name="method"/> (a grain interface method) needs the admin token.</summary>
    public static bool IsAdminOperation(MethodInfo? method) =>
        method?.DeclaringType is { } type && s_adminOperations.Contains((type, method.Name));

    /// <summary>Constant-time comparison of a presented token with the configured one.</summary>
    public static bool Matches(string expected, object? presented) =>
        presented is string text
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(text));
}
