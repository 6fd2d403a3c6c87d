using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using OrleansMesh.ControlPlane;
using OrleansMesh.Resilience;
using OrleansMesh.Rollouts;
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
        (typeof(IMeshConfigGrain), nameof(IMeshConfigGrain.SetLiveWeightAsync)),
        (typeof(IRolloutGrain), nameof(IRolloutGrain.RefreshAsync)),
        (typeof(IRolloutGrain), nameof(IRolloutGrain.DeletedAsync)),
        (typeof(IRolloutGrain), nameof(IRolloutGrain.PromoteAsync)),
        (typeof(IRolloutGrain), nameof(IRolloutGrain.AbortAsync)),
        (typeof(IRolloutGrain), nameof(IRolloutGrain.PauseAsync)),
        (typeof(IRolloutGrain), nameof(IRolloutGrain.ResumeAsync)),
        (typeof(ICertificateAuthorityGrain), nameof(ICertificateAuthorityGrain.RevokeAsync)),
        (typeof(ICertificateAuthorityGrain), nameof(ICertificateAuthorityGrain.ListIssuedAsync)),
        (typeof(IDestinationHealthGrain), nameof(IDestinationHealthGrain.OverrideAsync)),
        (typeof(ICertificateAuthorityGrain), nameof(ICertificateAuthorityGrain.CreateJoinTokenAsync)),
        (typeof(ICertificateAuthorityGrain), nameof(ICertificateAuthorityGrain.ListJoinTokensAsync)),
        (typeof(ICertificateAuthorityGrain), nameof(ICertificateAuthorityGrain.RevokeJoinTokenAsync)),
    }.ToFrozenSet();

    // Open to everyone, but the token grants more when it comes along: an operator may get a certificate for any identity.
    private static readonly FrozenSet<(Type, string)> s_elevatedOperations = new HashSet<(Type, string)>
    {
        (typeof(ICertificateAuthorityGrain), nameof(ICertificateAuthorityGrain.SignAsync)),
    }.ToFrozenSet();

    // Set by the incoming filter for the grain to see; a value that came over the wire is a copy, never this instance.
    private static readonly object s_verified = new();

    /// <summary>Whether <paramref name="method"/> (a grain interface method) needs the admin token.</summary>
    public static bool IsAdminOperation(MethodInfo? method) =>
        method?.DeclaringType is { } type && s_adminOperations.Contains((type, method.Name));

    /// <summary>
    /// Whether <paramref name="method"/> is open to all but serves an admin-token holder more (<c>SignAsync</c>: any
    /// identity without a workload credential). Admin clients send the token with these calls too.
    /// </summary>
    public static bool IsElevatedOperation(MethodInfo? method) =>
        method?.DeclaringType is { } type && s_elevatedOperations.Contains((type, method.Name));

    /// <summary>
    /// Inside a grain call: whether this silo's <see cref="AdminTokenIncomingFilter"/> verified the caller's admin token
    /// (only for <see cref="IsElevatedOperation"/> methods). False on a silo without an admin token.
    /// </summary>
    public static bool IsVerifiedCaller() => ReferenceEquals(RequestContext.Get(VerifiedRequestContextKey), s_verified);

    /// <summary>The request-context key of the verification mark <see cref="IsVerifiedCaller"/> reads.</summary>
    internal const string VerifiedRequestContextKey = "om.admin-verified";

    internal static void MarkVerified() => RequestContext.Set(VerifiedRequestContextKey, s_verified);

    /// <summary>Constant-time comparison of a presented token with the configured one.</summary>
    public static bool Matches(string expected, object? presented) =>
        presented is string text
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(text));
}
