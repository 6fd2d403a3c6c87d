using OrleansMesh.Networking;
using OrleansMesh.Security;
using static OrleansMesh.Configuration.CommonSchema;

namespace OrleansMesh.Configuration;

/// <summary>The fields of the security.istio.io specs (RequestAuthentication, AuthorizationPolicy, PeerAuthentication), by Istio's names.</summary>
internal static class SecuritySchema
{
    // security.istio.io selects with matchLabels, where networking.istio.io says labels.
    public static readonly ObjectCodec<WorkloadSelector> Selector = new ObjectCodec<WorkloadSelector>("WorkloadSelector")
        .Field("matchLabels", StrMap, s => s.Labels, (s, v) => s with { Labels = v });

    public static readonly ObjectCodec<PolicyTargetReference> TargetRef = new ObjectCodec<PolicyTargetReference>("PolicyTargetReference")
        .Field("group", Str, t => t.Group, (t, v) => t with { Group = v })
        .Field("kind", Str, t => t.Kind, (t, v) => t with { Kind = v }, always: true)
        .Field("name", Str, t => t.Name, (t, v) => t with { Name = v }, always: true)
        .Field("namespace", Str, t => t.Namespace, (t, v) => t with { Namespace = v });

    public static readonly ListCodec<PolicyTargetReference> TargetRefs = new(TargetRef);

    public static readonly ObjectCodec<JwtHeader> Header = new ObjectCodec<JwtHeader>("JWTHeader")
        .Field("name", Str, h => h.Name, (h, v) => h with { Name = v }, always: true)
        .Field("prefix", Str, h => h.Prefix, (h, v) => h with { Prefix = v });

    public static readonly ObjectCodec<ClaimToHeader> ClaimHeader = new ObjectCodec<ClaimToHeader>("ClaimToHeader")
        .Field("header", Str, c => c.Header, (c, v) => c with { Header = v }, always: true)
        .Field("claim", Str, c => c.Claim, (c, v) => c with { Claim = v }, always: true);

    public static readonly ObjectCodec<JwtRule> Jwt = new ObjectCodec<JwtRule>("JWTRule")
        .Field("issuer", Str, r => r.Issuer, (r, v) => r with { Issuer = v }, always: true)
        .Field("audiences", StrList, r => r.Audiences, (r, v) => r with { Audiences = v })
        .Field("jwksUri", Str, r => r.JwksUri, (r, v) => r with { JwksUri = v })
        .Field("jwks", Str, r => r.Jwks, (r, v) => r with { Jwks = v })
        .Field("fromHeaders", new ListCodec<JwtHeader>(Header), r => r.FromHeaders, (r, v) => r with { FromHeaders = v })
        .Field("fromParams", StrList, r => r.FromParams, (r, v) => r with { FromParams = v })
        .Field("fromCookies", StrList, r => r.FromCookies, (r, v) => r with { FromCookies = v })
        .Field("outputPayloadToHeader", Str, r => r.OutputPayloadToHeader, (r, v) => r with { OutputPayloadToHeader = v })
        .Field("outputClaimToHeaders", new ListCodec<ClaimToHeader>(ClaimHeader), r => r.OutputClaimToHeaders, (r, v) => r with { OutputClaimToHeaders = v })
        .Field("forwardOriginalToken", Bool, r => r.ForwardOriginalToken, (r, v) => r with { ForwardOriginalToken = v })
        .Optional("timeout", Duration, r => r.Timeout, (r, v) => r with { Timeout = v })
        .Field("spaceDelimitedClaims", StrList, r => r.SpaceDelimitedClaims, (r, v) => r with { SpaceDelimitedClaims = v });

    public static readonly ObjectCodec<RequestAuthenticationSpec> RequestAuthentication = new ObjectCodec<RequestAuthenticationSpec>("RequestAuthentication")
        .Field("selector", Selector, s => s.Selector, (s, v) => s with { Selector = v })
        .Field("targetRef", TargetRef, s => s.TargetRef, (s, v) => s with { TargetRef = v })
        .Field("targetRefs", TargetRefs, s => s.TargetRefs, (s, v) => s with { TargetRefs = v })
        .Field("jwtRules", new ListCodec<JwtRule>(Jwt), s => s.JwtRules, (s, v) => s with { JwtRules = v });

    public static readonly ObjectCodec<RequestSource> Source = new ObjectCodec<RequestSource>("Source")
        .Field("principals", StrList, s => s.Principals, (s, v) => s with { Principals = v })
        .Field("notPrincipals", StrList, s => s.NotPrincipals, (s, v) => s with { NotPrincipals = v })
        .Field("requestPrincipals", StrList, s => s.RequestPrincipals, (s, v) => s with { RequestPrincipals = v })
        .Field("notRequestPrincipals", StrList, s => s.NotRequestPrincipals, (s, v) => s with { NotRequestPrincipals = v })
        .Field("namespaces", StrList, s => s.Namespaces, (s, v) => s with { Namespaces = v })
        .Field("notNamespaces", StrList, s => s.NotNamespaces, (s, v) => s with { NotNamespaces = v })
        .Field("ipBlocks", StrList, s => s.IpBlocks, (s, v) => s with { IpBlocks = v })
        .Field("notIpBlocks", StrList, s => s.NotIpBlocks, (s, v) => s with { NotIpBlocks = v })
        .Field("remoteIpBlocks", StrList, s => s.RemoteIpBlocks, (s, v) => s with { RemoteIpBlocks = v })
        .Field("notRemoteIpBlocks", StrList, s => s.NotRemoteIpBlocks, (s, v) => s with { NotRemoteIpBlocks = v })
        .Field("serviceAccounts", StrList, s => s.ServiceAccounts, (s, v) => s with { ServiceAccounts = v })
        .Field("notServiceAccounts", StrList, s => s.NotServiceAccounts, (s, v) => s with { NotServiceAccounts = v })
        .Field("trustDomains", StrList, s => s.TrustDomains, (s, v) => s with { TrustDomains = v })
        .Field("notTrustDomains", StrList, s => s.NotTrustDomains, (s, v) => s with { NotTrustDomains = v });

    public static readonly ObjectCodec<RequestOperation> Operation = new ObjectCodec<RequestOperation>("Operation")
        .Field("hosts", StrList, o => o.Hosts, (o, v) => o with { Hosts = v })
        .Field("notHosts", StrList, o => o.NotHosts, (o, v) => o with { NotHosts = v })
        .Field("ports", StrList, o => o.Ports, (o, v) => o with { Ports = v })
        .Field("notPorts", StrList, o => o.NotPorts, (o, v) => o with { NotPorts = v })
        .Field("methods", StrList, o => o.Methods, (o, v) => o with { Methods = v })
        .Field("notMethods", StrList, o => o.NotMethods, (o, v) => o with { NotMethods = v })
        .Field("paths", StrList, o => o.Paths, (o, v) => o with { Paths = v })
        .Field("notPaths", StrList, o => o.NotPaths, (o, v) => o with { NotPaths = v });

    public static readonly ObjectCodec<RuleCondition> Condition = new ObjectCodec<RuleCondition>("Condition")
        .Field("key", Str, c => c.Key, (c, v) => c with { Key = v }, always: true)
        .Field("values", StrList, c => c.Values, (c, v) => c with { Values = v })
        .Field("notValues", StrList, c => c.NotValues, (c, v) => c with { NotValues = v });

    public static readonly ObjectCodec<AuthorizationRule> Rule = new ObjectCodec<AuthorizationRule>("Rule")
        .Field("from", new ListCodec<RequestSource>(new WrapperCodec<RequestSource>("Rule.From", "source", Source)), r => r.From, (r, v) => r with { From = v })
        .Field("to", new ListCodec<RequestOperation>(new WrapperCodec<RequestOperation>("Rule.To", "operation", Operation)), r => r.To, (r, v) => r with { To = v })
        .Field("when", new ListCodec<RuleCondition>(Condition), r => r.When, (r, v) => r with { When = v });

    private static readonly EnumCodec<AuthorizationAction> s_action = new(
        ("ALLOW", AuthorizationAction.Allow), ("DENY", AuthorizationAction.Deny), ("AUDIT", AuthorizationAction.Audit), ("CUSTOM", AuthorizationAction.Custom));

    public static readonly ObjectCodec<AuthorizationPolicySpec> AuthorizationPolicy = new ObjectCodec<AuthorizationPolicySpec>("AuthorizationPolicy")
        .Field("selector", Selector, s => s.Selector, (s, v) => s with { Selector = v })
        .Field("targetRef", TargetRef, s => s.TargetRef, (s, v) => s with { TargetRef = v })
        .Field("targetRefs", TargetRefs, s => s.TargetRefs, (s, v) => s with { TargetRefs = v })
        .Field("rules", new ListCodec<AuthorizationRule>(Rule), s => s.Rules, (s, v) => s with { Rules = v })
        .Field("action", s_action, s => s.Action, (s, v) => s with { Action = v })
        .Field("provider", new WrapperCodec<string>("ExtensionProvider", "name", Str), s => s.Provider, (s, v) => s with { Provider = v });

    private static readonly EnumCodec<MutualTlsMode> s_mode = new(
        ("UNSET", MutualTlsMode.Unset), ("DISABLE", MutualTlsMode.Disable), ("PERMISSIVE", MutualTlsMode.Permissive), ("STRICT", MutualTlsMode.Strict));

    public static readonly ObjectCodec<PeerMutualTls> Mtls = new ObjectCodec<PeerMutualTls>("MutualTLS")
        .Field("mode", s_mode, m => m.Mode, (m, v) => m with { Mode = v }, always: true);

    public static readonly ObjectCodec<PeerAuthenticationSpec> PeerAuthentication = new ObjectCodec<PeerAuthenticationSpec>("PeerAuthentication")
        .Field("selector", Selector, s => s.Selector, (s, v) => s with { Selector = v })
        .Field("mtls", Mtls, s => s.Mtls, (s, v) => s with { Mtls = v })
        .Field(
            "portLevelMtls",
            new MapCodec<PeerMutualTls>(Mtls) { EmptyError = "port level mTLS, if defined, must have at least one element" },
            s => s.PortLevelMtls,
            (s, v) => s with { PortLevelMtls = v });
}
