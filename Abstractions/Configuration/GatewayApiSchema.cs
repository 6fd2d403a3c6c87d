using OrleansMesh.GatewayApi;
using static OrleansMesh.Configuration.CommonSchema;

namespace OrleansMesh.Configuration;

/// <summary>The fields of the Gateway API's HTTPRoute and Gateway (<c>gateway.networking.k8s.io/v1</c>), by its names.</summary>
internal static class GatewayApiSchema
{
    public static readonly ChoiceCodec PathType = new("Exact", "PathPrefix", "RegularExpression");
    public static readonly ChoiceCodec ValueType = new("Exact", "RegularExpression");
    public static readonly ChoiceCodec Method = new("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");
    public static readonly ChoiceCodec FilterType = new("RequestHeaderModifier", "ResponseHeaderModifier", "URLRewrite", "RequestRedirect", "RequestMirror", "CORS", "ExtensionRef");
    public static readonly ChoiceCodec ModifierType = new("ReplaceFullPath", "ReplacePrefixMatch");

    public static readonly ObjectCodec<ParentReference> ParentRef = new ObjectCodec<ParentReference>("ParentReference")
        .Field("group", Str, r => r.Group, (r, v) => r with { Group = v })
        .Field("kind", Str, r => r.Kind, (r, v) => r with { Kind = v })
        .Field("namespace", Str, r => r.Namespace, (r, v) => r with { Namespace = v })
        .Field("name", Str, r => r.Name, (r, v) => r with { Name = v }, always: true)
        .Field("sectionName", Str, r => r.SectionName, (r, v) => r with { SectionName = v })
        .Optional("port", UInt, r => r.Port, (r, v) => r with { Port = v });

    public static readonly ObjectCodec<HttpPathMatch> Path = new ObjectCodec<HttpPathMatch>("HTTPPathMatch")
        .Field("type", PathType, p => p.Type, (p, v) => p with { Type = v })
        .Field("value", Str, p => p.Value, (p, v) => p with { Value = v });

    public static readonly ObjectCodec<HttpValueMatch> ValueMatch = new ObjectCodec<HttpValueMatch>("HTTPHeaderMatch")
        .Field("type", ValueType, m => m.Type, (m, v) => m with { Type = v })
        .Field("name", Str, m => m.Name, (m, v) => m with { Name = v }, always: true)
        .Field("value", Str, m => m.Value, (m, v) => m with { Value = v }, always: true);

    public static readonly ObjectCodec<HttpRouteMatch> Match = new ObjectCodec<HttpRouteMatch>("HTTPRouteMatch")
        .Field("path", Path, m => m.Path, (m, v) => m with { Path = v })
        .Field("headers", new ListCodec<HttpValueMatch>(ValueMatch), m => m.Headers, (m, v) => m with { Headers = v })
        .Field("queryParams", new ListCodec<HttpValueMatch>(ValueMatch), m => m.QueryParams, (m, v) => m with { QueryParams = v })
        .Field("method", Method, m => m.Method, (m, v) => m with { Method = v });

    public static readonly ObjectCodec<HttpHeaderValue> Header = new ObjectCodec<HttpHeaderValue>("HTTPHeader")
        .Field("name", Str, h => h.Name, (h, v) => h with { Name = v }, always: true)
        .Field("value", Str, h => h.Value, (h, v) => h with { Value = v }, always: true);

    public static readonly ObjectCodec<HttpHeaderFilter> HeaderFilter = new ObjectCodec<HttpHeaderFilter>("HTTPHeaderFilter")
        .Field("set", new ListCodec<HttpHeaderValue>(Header), f => f.Set, (f, v) => f with { Set = v })
        .Field("add", new ListCodec<HttpHeaderValue>(Header), f => f.Add, (f, v) => f with { Add = v })
        .Field("remove", StrList, f => f.Remove, (f, v) => f with { Remove = v });

    public static readonly ObjectCodec<HttpPathModifier> PathModifier = new ObjectCodec<HttpPathModifier>("HTTPPathModifier")
        .Field("type", ModifierType, m => m.Type, (m, v) => m with { Type = v }, always: true)
        .Field("replaceFullPath", Str, m => m.ReplaceFullPath, (m, v) => m with { ReplaceFullPath = v })
        .Field("replacePrefixMatch", Str, m => m.ReplacePrefixMatch, (m, v) => m with { ReplacePrefixMatch = v });

    public static readonly ObjectCodec<HttpUrlRewriteFilter> UrlRewrite = new ObjectCodec<HttpUrlRewriteFilter>("HTTPURLRewriteFilter")
        .Field("hostname", Str, f => f.Hostname, (f, v) => f with { Hostname = v })
        .Field("path", PathModifier, f => f.Path, (f, v) => f with { Path = v });

    public static readonly ObjectCodec<HttpRequestRedirectFilter> Redirect = new ObjectCodec<HttpRequestRedirectFilter>("HTTPRequestRedirectFilter")
        .Field("scheme", new ChoiceCodec("http", "https"), f => f.Scheme, (f, v) => f with { Scheme = v })
        .Field("hostname", Str, f => f.Hostname, (f, v) => f with { Hostname = v })
        .Field("path", PathModifier, f => f.Path, (f, v) => f with { Path = v })
        .Optional("port", UInt, f => f.Port, (f, v) => f with { Port = v })
        .Optional("statusCode", Int, f => f.StatusCode, (f, v) => f with { StatusCode = v });

    public static readonly ObjectCodec<MirrorFraction> Fraction = new ObjectCodec<MirrorFraction>("Fraction")
        .Field("numerator", Int, f => f.Numerator, (f, v) => f with { Numerator = v }, always: true)
        .Optional("denominator", Int, f => f.Denominator, (f, v) => f with { Denominator = v });

    // Filters come first: a backendRef holds filters and a filter (RequestMirror) holds a backendRef.
    public static readonly ObjectCodec<HttpRouteFilter> BackendFilter = Filter(withMirror: false);

    public static readonly ObjectCodec<HttpBackendRef> BackendRef = new ObjectCodec<HttpBackendRef>("HTTPBackendRef")
        .Field("group", Str, b => b.Group, (b, v) => b with { Group = v })
        .Field("kind", Str, b => b.Kind, (b, v) => b with { Kind = v })
        .Field("name", Str, b => b.Name, (b, v) => b with { Name = v }, always: true)
        .Field("namespace", Str, b => b.Namespace, (b, v) => b with { Namespace = v })
        .Optional("port", UInt, b => b.Port, (b, v) => b with { Port = v })
        .Optional("weight", Int, b => b.Weight, (b, v) => b with { Weight = v })
        .Field("filters", new ListCodec<HttpRouteFilter>(BackendFilter), b => b.Filters, (b, v) => b with { Filters = v });

    public static readonly ObjectCodec<HttpRequestMirrorFilter> Mirror = new ObjectCodec<HttpRequestMirrorFilter>("HTTPRequestMirrorFilter")
        .Field("backendRef", BackendRef, f => f.BackendRef, (f, v) => f with { BackendRef = v }, always: true)
        .Optional("percent", Int, f => f.Percent, (f, v) => f with { Percent = v })
        .Field("fraction", Fraction, f => f.Fraction, (f, v) => f with { Fraction = v });

    public static readonly ObjectCodec<HttpRouteFilter> RuleFilter = Filter(withMirror: true);

    public static readonly ObjectCodec<HttpRouteTimeouts> Timeouts = new ObjectCodec<HttpRouteTimeouts>("HTTPRouteTimeouts")
        .Optional("request", Duration, t => t.Request, (t, v) => t with { Request = v })
        .Optional("backendRequest", Duration, t => t.BackendRequest, (t, v) => t with { BackendRequest = v });

    public static readonly ObjectCodec<HttpRouteRule> Rule = new ObjectCodec<HttpRouteRule>("HTTPRouteRule")
        .Field("name", Str, r => r.Name, (r, v) => r with { Name = v })
        .Field("matches", new ListCodec<HttpRouteMatch>(Match), r => r.Matches, (r, v) => r with { Matches = v })
        .Field("filters", new ListCodec<HttpRouteFilter>(RuleFilter), r => r.Filters, (r, v) => r with { Filters = v })
        .Field("backendRefs", new ListCodec<HttpBackendRef>(BackendRef), r => r.BackendRefs, (r, v) => r with { BackendRefs = v })
        .Field("timeouts", Timeouts, r => r.Timeouts, (r, v) => r with { Timeouts = v })
        .Unsupported("retry", "sessionPersistence");

    public static readonly ObjectCodec<HttpRouteSpec> Route = new ObjectCodec<HttpRouteSpec>("HTTPRoute")
        .Field("parentRefs", new ListCodec<ParentReference>(ParentRef), s => s.ParentRefs, (s, v) => s with { ParentRefs = v })
        .Field("hostnames", StrList, s => s.Hostnames, (s, v) => s with { Hostnames = v })
        .Field("rules", new ListCodec<HttpRouteRule>(Rule), s => s.Rules, (s, v) => s with { Rules = v });

    public static readonly ObjectCodec<RouteGroupKind> GroupKind = new ObjectCodec<RouteGroupKind>("RouteGroupKind")
        .Field("group", Str, k => k.Group, (k, v) => k with { Group = v })
        .Field("kind", Str, k => k.Kind, (k, v) => k with { Kind = v }, always: true);

    // allowedRoutes.namespaces is one level deeper in the Gateway API; OrleansMesh keeps just its `from`.
    private static readonly ObjectCodec<AllowedRoutes> s_namespaces = new ObjectCodec<AllowedRoutes>("RouteNamespaces")
        .Field("from", new ChoiceCodec("Same", "All"), a => a.From, (a, v) => a with { From = v })
        .Unsupported("selector");

    public static readonly ObjectCodec<AllowedRoutes> Allowed = new ObjectCodec<AllowedRoutes>("AllowedRoutes")
        .Field("namespaces", s_namespaces, a => a.From is null ? null : a, (a, v) => a with { From = v.From })
        .Field("kinds", new ListCodec<RouteGroupKind>(GroupKind), a => a.Kinds, (a, v) => a with { Kinds = v });

    public static readonly ObjectCodec<GatewayListener> Listener = new ObjectCodec<GatewayListener>("Listener")
        .Field("name", Str, l => l.Name, (l, v) => l with { Name = v }, always: true)
        .Field("hostname", Str, l => l.Hostname, (l, v) => l with { Hostname = v })
        .Field("port", UInt, l => l.Port, (l, v) => l with { Port = v }, always: true)
        .Field("protocol", Str, l => l.Protocol, (l, v) => l with { Protocol = v }, always: true)
        .Field("allowedRoutes", Allowed, l => l.AllowedRoutes, (l, v) => l with { AllowedRoutes = v })
        .Unenforced("tls", "accepted and ignored (the mesh's gateways terminate TLS with their own settings)");

    public static readonly ObjectCodec<KubernetesGatewaySpec> Gateway = new ObjectCodec<KubernetesGatewaySpec>("Gateway")
        .Field("gatewayClassName", Str, s => s.GatewayClassName, (s, v) => s with { GatewayClassName = v }, always: true)
        .Field("listeners", new ListCodec<GatewayListener>(Listener), s => s.Listeners, (s, v) => s with { Listeners = v }, always: true)
        .Unenforced("addresses", "accepted and ignored (every OrleansMesh gateway serves the Gateway on its own address)")
        .Unenforced("infrastructure", "accepted and ignored (OrleansMesh deploys no gateway per Gateway)");

    private static ObjectCodec<HttpRouteFilter> Filter(bool withMirror)
    {
        var codec = new ObjectCodec<HttpRouteFilter>("HTTPRouteFilter")
            .Field("type", FilterType, f => f.Type, (f, v) => f with { Type = v }, always: true)
            .Field("requestHeaderModifier", HeaderFilter, f => f.RequestHeaderModifier, (f, v) => f with { RequestHeaderModifier = v })
            .Field("responseHeaderModifier", HeaderFilter, f => f.ResponseHeaderModifier, (f, v) => f with { ResponseHeaderModifier = v })
            .Field("urlRewrite", UrlRewrite, f => f.UrlRewrite, (f, v) => f with { UrlRewrite = v })
            .Field("requestRedirect", Redirect, f => f.RequestRedirect, (f, v) => f with { RequestRedirect = v })
            .Unsupported("cors", "extensionRef");
        return withMirror
            ? codec.Field("requestMirror", Mirror, f => f.RequestMirror, (f, v) => f with { RequestMirror = v })
            : codec.Unsupported("requestMirror");
    }
}
