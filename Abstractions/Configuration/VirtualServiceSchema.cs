using OrleansMesh.Networking;
using static OrleansMesh.Configuration.CommonSchema;

namespace OrleansMesh.Configuration;

/// <summary>The fields of a VirtualService spec, by Istio's names.</summary>
internal static class VirtualServiceSchema
{
    public static readonly ObjectCodec<Destination> Destination = new ObjectCodec<Destination>("Destination")
        .Field("host", Str, d => d.Host, (d, v) => d with { Host = v }, always: true)
        .Field("subset", Str, d => d.Subset, (d, v) => d with { Subset = v })
        .Optional("port", PortSelector, d => d.Port, (d, v) => d with { Port = v });

    public static readonly ObjectCodec<HeaderMutation> HeaderMutation = new ObjectCodec<HeaderMutation>("HeaderOperations")
        .Field("set", StrMap, h => h.Set, (h, v) => h with { Set = v })
        .Field("add", StrMap, h => h.Add, (h, v) => h with { Add = v })
        .Field("remove", StrList, h => h.Remove, (h, v) => h with { Remove = v });

    public static readonly ObjectCodec<HeaderOperations> Headers = new ObjectCodec<HeaderOperations>("Headers")
        .Field("request", HeaderMutation, h => h.Request, (h, v) => h with { Request = v })
        .Field("response", HeaderMutation, h => h.Response, (h, v) => h with { Response = v });

    public static readonly ObjectCodec<HttpRouteDestination> RouteDestination = new ObjectCodec<HttpRouteDestination>("HTTPRouteDestination")
        .Field("destination", Destination, d => d.Destination, (d, v) => d with { Destination = v }, always: true)
        .Optional("weight", Int, d => d.Weight, (d, v) => d with { Weight = v })
        .Field("headers", Headers, d => d.Headers, (d, v) => d with { Headers = v });

    public static readonly ObjectCodec<HttpMatchRequest> Match = new ObjectCodec<HttpMatchRequest>("HTTPMatchRequest")
        .Field("name", Str, m => m.Name, (m, v) => m with { Name = v })
        .Field("uri", Matcher, m => m.Uri, (m, v) => m with { Uri = v })
        .Field("scheme", Matcher, m => m.Scheme, (m, v) => m with { Scheme = v })
        .Field("method", Matcher, m => m.Method, (m, v) => m with { Method = v })
        .Field("authority", Matcher, m => m.Authority, (m, v) => m with { Authority = v })
        .Field("headers", MatcherMap, m => m.Headers, (m, v) => m with { Headers = v })
        .Optional("port", UInt, m => m.Port, (m, v) => m with { Port = v })
        .Field("sourceLabels", StrMap, m => m.SourceLabels, (m, v) => m with { SourceLabels = v })
        .Field("gateways", StrList, m => m.Gateways, (m, v) => m with { Gateways = v })
        .Field("queryParams", MatcherMap, m => m.QueryParams, (m, v) => m with { QueryParams = v })
        .Field("ignoreUriCase", Bool, m => m.IgnoreUriCase, (m, v) => m with { IgnoreUriCase = v })
        .Field("withoutHeaders", MatcherMap, m => m.WithoutHeaders, (m, v) => m with { WithoutHeaders = v })
        .Field("sourceNamespace", Str, m => m.SourceNamespace, (m, v) => m with { SourceNamespace = v })
        .Field("statPrefix", Str, m => m.StatPrefix, (m, v) => m with { StatPrefix = v });

    public static readonly ObjectCodec<HttpRedirect> Redirect = new ObjectCodec<HttpRedirect>("HTTPRedirect")
        .Field("uri", Str, r => r.Uri, (r, v) => r with { Uri = v })
        .Field("authority", Str, r => r.Authority, (r, v) => r with { Authority = v })
        .Optional("port", UInt, r => r.Port, (r, v) => r with { Port = v })
        .Field("derivePort", new ChoiceCodec("FROM_PROTOCOL_DEFAULT", "FROM_REQUEST_PORT"), r => r.DerivePort, (r, v) => r with { DerivePort = v })
        .Field("scheme", Str, r => r.Scheme, (r, v) => r with { Scheme = v })
        .Field("redirectCode", Int, r => r.RedirectCode, (r, v) => r with { RedirectCode = v })
        .Unsupported("prefixRewrite");

    public static readonly ObjectCodec<HttpDirectResponse> DirectResponse = new ObjectCodec<HttpDirectResponse>("HTTPDirectResponse")
        .Field("status", Int, r => r.Status, (r, v) => r with { Status = v }, always: true)
        .Field("body", new WrapperCodec<string>("HTTPBody", "string", Str, "bytes"), r => r.Body, (r, v) => r with { Body = v });

    public static readonly ObjectCodec<RegexRewrite> RegexRewrite = new ObjectCodec<RegexRewrite>("RegexRewrite")
        .Field("match", Str, r => r.Match, (r, v) => r with { Match = v }, always: true)
        .Field("rewrite", Str, r => r.Rewrite, (r, v) => r with { Rewrite = v }, always: true);

    public static readonly ObjectCodec<HttpRewrite> Rewrite = new ObjectCodec<HttpRewrite>("HTTPRewrite")
        .Field("uri", Str, r => r.Uri, (r, v) => r with { Uri = v })
        .Field("authority", Str, r => r.Authority, (r, v) => r with { Authority = v })
        .Field("uriRegexRewrite", RegexRewrite, r => r.UriRegexRewrite, (r, v) => r with { UriRegexRewrite = v });

    public static readonly ObjectCodec<HttpRetry> Retries = new ObjectCodec<HttpRetry>("HTTPRetry")
        .Field("attempts", Int, r => r.Attempts, (r, v) => r with { Attempts = v })
        .Optional("perTryTimeout", Duration, r => r.PerTryTimeout, (r, v) => r with { PerTryTimeout = v })
        .Field("retryOn", Str, r => r.RetryOn, (r, v) => r with { RetryOn = v })
        .Optional("retryRemoteLocalities", Bool, r => r.RetryRemoteLocalities, (r, v) => r with { RetryRemoteLocalities = v })
        .Unenforced("retryIgnorePreviousHosts", "accepted and ignored (a retry goes to another endpoint whenever there is one)")
        .Unenforced("backoff", "accepted and ignored (retries back off as Envoy's default, 25 ms base with jitter)");

    public static readonly ObjectCodec<FaultDelay> Delay = new ObjectCodec<FaultDelay>("HTTPFaultInjection.Delay")
        .Field("fixedDelay", Duration, d => d.FixedDelay, (d, v) => d with { FixedDelay = v })
        .Field("percentage", PercentCodec, d => d.Percentage, (d, v) => d with { Percentage = v })
        .ReadOnly("percent", Int, (d, v) => d with { Percentage = new Percent { Value = v } })
        .Unsupported("exponentialDelay");

    public static readonly ObjectCodec<FaultAbort> Abort = new ObjectCodec<FaultAbort>("HTTPFaultInjection.Abort")
        .Field("httpStatus", Int, a => a.HttpStatus, (a, v) => a with { HttpStatus = v }, always: true)
        .Field("percentage", PercentCodec, a => a.Percentage, (a, v) => a with { Percentage = v })
        .Unsupported("grpcStatus", "http2Error");

    public static readonly ObjectCodec<HttpFaultInjection> Fault = new ObjectCodec<HttpFaultInjection>("HTTPFaultInjection")
        .Field("delay", Delay, f => f.Delay, (f, v) => f with { Delay = v })
        .Field("abort", Abort, f => f.Abort, (f, v) => f with { Abort = v });

    public static readonly ObjectCodec<HttpMirrorPolicy> Mirror = new ObjectCodec<HttpMirrorPolicy>("HTTPMirrorPolicy")
        .Field("destination", Destination, m => m.Destination, (m, v) => m with { Destination = v }, always: true)
        .Field("percentage", PercentCodec, m => m.Percentage, (m, v) => m with { Percentage = v });

    public static readonly ObjectCodec<CorsPolicy> Cors = new ObjectCodec<CorsPolicy>("CorsPolicy")
        .Field("allowOrigins", new ListCodec<StringMatch>(Matcher), c => c.AllowOrigins, (c, v) => c with { AllowOrigins = v })
        .Field("allowMethods", StrList, c => c.AllowMethods, (c, v) => c with { AllowMethods = v })
        .Field("allowHeaders", StrList, c => c.AllowHeaders, (c, v) => c with { AllowHeaders = v })
        .Field("exposeHeaders", StrList, c => c.ExposeHeaders, (c, v) => c with { ExposeHeaders = v })
        .Optional("maxAge", Duration, c => c.MaxAge, (c, v) => c with { MaxAge = v })
        .Optional("allowCredentials", Bool, c => c.AllowCredentials, (c, v) => c with { AllowCredentials = v })
        .Field("unmatchedPreflights", new ChoiceCodec("FORWARD_TO_UPSTREAM", "IGNORE"), c => c.UnmatchedPreflights, (c, v) => c with { UnmatchedPreflights = v })
        .ReadOnly("allowOrigin", StrList, (c, v) => c with { AllowOrigins = [.. v.Select(StringMatch.Exact)] });

    public static readonly ObjectCodec<VirtualServiceDelegate> Delegate = new ObjectCodec<VirtualServiceDelegate>("Delegate")
        .Field("name", Str, d => d.Name, (d, v) => d with { Name = v }, always: true)
        .Field("namespace", Str, d => d.Namespace, (d, v) => d with { Namespace = v });

    public static readonly ObjectCodec<HttpRoute> HttpRoute = new ObjectCodec<HttpRoute>("HTTPRoute")
        .Field("name", Str, r => r.Name, (r, v) => r with { Name = v })
        .Field("match", new ListCodec<HttpMatchRequest>(Match), r => r.Match, (r, v) => r with { Match = v })
        .Field("route", new ListCodec<HttpRouteDestination>(RouteDestination), r => r.Route, (r, v) => r with { Route = v })
        .Field("redirect", Redirect, r => r.Redirect, (r, v) => r with { Redirect = v })
        .Field("directResponse", DirectResponse, r => r.DirectResponse, (r, v) => r with { DirectResponse = v })
        .Field("rewrite", Rewrite, r => r.Rewrite, (r, v) => r with { Rewrite = v })
        .Optional("timeout", Duration, r => r.Timeout, (r, v) => r with { Timeout = v })
        .Field("retries", Retries, r => r.Retries, (r, v) => r with { Retries = v })
        .Field("fault", Fault, r => r.Fault, (r, v) => r with { Fault = v })
        .Field("mirror", Destination, r => r.Mirror, (r, v) => r with { Mirror = v })
        .Field("mirrorPercentage", PercentCodec, r => r.MirrorPercentage, (r, v) => r with { MirrorPercentage = v })
        .Field("mirrors", new ListCodec<HttpMirrorPolicy>(Mirror), r => r.Mirrors, (r, v) => r with { Mirrors = v })
        .Field("corsPolicy", Cors, r => r.CorsPolicy, (r, v) => r with { CorsPolicy = v })
        .Field("headers", Headers, r => r.Headers, (r, v) => r with { Headers = v })
        .Field(MeshExtensionSchema.FieldName, MeshExtensionSchema.Route, r => r.Mesh, (r, v) => r with { Mesh = v })
        .Field("delegate", Delegate, r => r.Delegate, (r, v) => r with { Delegate = v })
        .ReadOnly("mirrorPercent", UInt, (r, v) => r with { MirrorPercentage = new Percent { Value = v } });

    public static readonly ObjectCodec<VirtualServiceSpec> Spec = new ObjectCodec<VirtualServiceSpec>("VirtualService")
        .Field("hosts", StrList, s => s.Hosts, (s, v) => s with { Hosts = v })
        .Field("gateways", StrList, s => s.Gateways, (s, v) => s with { Gateways = v })
        .Field("http", new ListCodec<HttpRoute>(HttpRoute), s => s.Http, (s, v) => s with { Http = v })
        .Field("exportTo", StrList, s => s.ExportTo, (s, v) => s with { ExportTo = v })
        .Unenforced("tcp", "accepted and not enforced (OrleansMesh routes HTTP only); the rest of the VirtualService applies")
        .Unenforced("tls", "accepted and not enforced (OrleansMesh routes HTTP only; no SNI passthrough); the rest of the VirtualService applies")
        .Unsupported("delegate");
}
