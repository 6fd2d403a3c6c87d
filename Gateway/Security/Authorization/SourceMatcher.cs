using OrleansMesh.Security;

namespace OrleansMesh.Gateway.Security.Authorization;

/// <summary>A compiled <c>from.source</c>: every field set must match.</summary>
internal sealed class SourceMatcher(RequestSource source)
{
    private readonly ValueSet<IstioStringMatch> _principals = ValueSets.Strings(source.Principals, source.NotPrincipals);
    private readonly ValueSet<IstioStringMatch> _requestPrincipals = ValueSets.Strings(source.RequestPrincipals, source.NotRequestPrincipals);
    private readonly ValueSet<IstioStringMatch> _namespaces = ValueSets.Strings(source.Namespaces, source.NotNamespaces);
    private readonly ValueSet<IstioStringMatch> _serviceAccounts = ValueSets.Strings(source.ServiceAccounts, source.NotServiceAccounts);
    private readonly ValueSet<IstioStringMatch> _trustDomains = ValueSets.Strings(source.TrustDomains, source.NotTrustDomains);
    private readonly IpBlockSet _ipBlocks = ValueSets.IpBlocks(source.IpBlocks, source.NotIpBlocks);
    private readonly IpBlockSet _remoteIpBlocks = ValueSets.IpBlocks(source.RemoteIpBlocks, source.NotRemoteIpBlocks);

    public bool Matches(RequestAttributes request) =>
        (_principals.IsEmpty || _principals.Matches(request.SourcePrincipal))
        && (_requestPrincipals.IsEmpty || _requestPrincipals.Matches(request.Authentication?.Principal))
        && (_namespaces.IsEmpty || _namespaces.Matches(request.SourceNamespace))
        && (_serviceAccounts.IsEmpty || _serviceAccounts.Matches(request.SourceServiceAccount))
        && (_trustDomains.IsEmpty || _trustDomains.Matches(TrustDomain(request.SourcePrincipal)))
        && (_ipBlocks.IsEmpty || _ipBlocks.Matches(request.SourceAddress))
        && (_remoteIpBlocks.IsEmpty || _remoteIpBlocks.Matches(request.RemoteAddress));

    // Istio's source.trustDomain: the principal is <trust domain>/ns/<namespace>/sa/<account>.
    internal static string? TrustDomain(string? principal) =>
        principal?.IndexOf('/', StringComparison.Ordinal) is int slash and > 0 ? principal[..slash] : null;
}
