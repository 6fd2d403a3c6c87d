using OrleansMesh.Networking;
using static OrleansMesh.Configuration.CommonSchema;

namespace OrleansMesh.Configuration;

/// <summary>The fields of a DestinationRule spec, by Istio's names.</summary>
internal static class DestinationRuleSchema
{
    public static readonly EnumCodec<SimpleLoadBalancer> Simple = new(
        ("UNSPECIFIED", SimpleLoadBalancer.Unspecified),
        ("RANDOM", SimpleLoadBalancer.Random),
        ("PASSTHROUGH", SimpleLoadBalancer.Passthrough),
        ("ROUND_ROBIN", SimpleLoadBalancer.RoundRobin),
        ("LEAST_REQUEST", SimpleLoadBalancer.LeastRequest),
        ("LEAST_CONN", SimpleLoadBalancer.LeastConn));

    public static readonly EnumCodec<ClientTlsMode> TlsMode = new(
        ("DISABLE", ClientTlsMode.Disable),
        ("SIMPLE", ClientTlsMode.Simple),
        ("MUTUAL", ClientTlsMode.Mutual),
        ("ISTIO_MUTUAL", ClientTlsMode.IstioMutual));

    public static readonly ObjectCodec<ConsistentHashCookieAttribute> CookieAttribute = new ObjectCodec<ConsistentHashCookieAttribute>("HTTPCookie.Attribute")
        .Field("name", Str, a => a.Name, (a, v) => a with { Name = v }, always: true)
        .Field("value", Str, a => a.Value, (a, v) => a with { Value = v });

    public static readonly ObjectCodec<HttpCookieSettings> Cookie = new ObjectCodec<HttpCookieSettings>("HTTPCookie")
        .Field("name", Str, c => c.Name, (c, v) => c with { Name = v }, always: true)
        .Field("path", Str, c => c.Path, (c, v) => c with { Path = v })
        .Optional("ttl", Duration, c => c.Ttl, (c, v) => c with { Ttl = v })
        .Field("attributes", new ListCodec<ConsistentHashCookieAttribute>(CookieAttribute), c => c.Attributes, (c, v) => c with { Attributes = v });

    public static readonly ObjectCodec<ConsistentHashRingHash> RingHash = new ObjectCodec<ConsistentHashRingHash>("ConsistentHashLB.RingHash")
        .Optional("minimumRingSize", ULong, r => r.MinimumRingSize, (r, v) => r with { MinimumRingSize = v });

    public static readonly ObjectCodec<ConsistentHashMaglev> Maglev = new ObjectCodec<ConsistentHashMaglev>("ConsistentHashLB.MagLev")
        .Optional("tableSize", ULong, m => m.TableSize, (m, v) => m with { TableSize = v });

    public static readonly ObjectCodec<ConsistentHashSettings> ConsistentHash = new ObjectCodec<ConsistentHashSettings>("ConsistentHashLB")
        .Field("httpHeaderName", Str, c => c.HttpHeaderName, (c, v) => c with { HttpHeaderName = v })
        .Field("httpCookie", Cookie, c => c.HttpCookie, (c, v) => c with { HttpCookie = v })
        .Field("useSourceIp", Bool, c => c.UseSourceIp, (c, v) => c with { UseSourceIp = v })
        .Field("httpQueryParameterName", Str, c => c.HttpQueryParameterName, (c, v) => c with { HttpQueryParameterName = v })
        .Optional("minimumRingSize", ULong, c => c.MinimumRingSize, (c, v) => c with { MinimumRingSize = v })
        .Field("ringHash", RingHash, c => c.RingHash, (c, v) => c with { RingHash = v })
        .Field("maglev", Maglev, c => c.Maglev, (c, v) => c with { Maglev = v });

    public static readonly ObjectCodec<WarmupConfiguration> Warmup = new ObjectCodec<WarmupConfiguration>("WarmupConfiguration")
        .Optional("duration", Duration, w => w.Duration, (w, v) => w with { Duration = v })
        .Optional("minimumPercent", DoubleCodec.Instance, w => w.MinimumPercent, (w, v) => w with { MinimumPercent = v })
        .Optional("aggression", DoubleCodec.Instance, w => w.Aggression, (w, v) => w with { Aggression = v });

    public static readonly ObjectCodec<LoadBalancerSettings> LoadBalancer = new ObjectCodec<LoadBalancerSettings>("LoadBalancerSettings")
        .Optional("simple", Simple, l => l.Simple, (l, v) => l with { Simple = v })
        .Field("consistentHash", ConsistentHash, l => l.ConsistentHash, (l, v) => l with { ConsistentHash = v })
        .Optional("warmupDurationSecs", Duration, l => l.WarmupDuration, (l, v) => l with { WarmupDuration = v })
        .Field("warmup", Warmup, l => l.Warmup, (l, v) => l with { Warmup = v })
        .Unenforced("localityLbSetting", "accepted and not enforced (endpoints are balanced without regard to locality)")
        .Unenforced("zoneAwareLbSetting", "accepted and not enforced (endpoints are balanced without regard to zone)");

    public static readonly ObjectCodec<TcpSettings> Tcp = new ObjectCodec<TcpSettings>("ConnectionPoolSettings.TCPSettings")
        .Optional("maxConnections", Int, t => t.MaxConnections, (t, v) => t with { MaxConnections = v })
        .Optional("connectTimeout", Duration, t => t.ConnectTimeout, (t, v) => t with { ConnectTimeout = v })
        .Optional("maxConnectionDuration", Duration, t => t.MaxConnectionDuration, (t, v) => t with { MaxConnectionDuration = v })
        .Optional("idleTimeout", Duration, t => t.IdleTimeout, (t, v) => t with { IdleTimeout = v })
        .Unenforced("tcpKeepalive", "accepted and ignored (upstream connections keep the operating system's TCP keep-alive settings)");

    public static readonly ObjectCodec<Http2KeepAlive> KeepAlive = new ObjectCodec<Http2KeepAlive>("ConnectionPoolSettings.HTTPSettings.ConnectionKeepalive")
        .Optional("interval", Duration, k => k.Interval, (k, v) => k with { Interval = v })
        .Optional("timeout", Duration, k => k.Timeout, (k, v) => k with { Timeout = v });

    public static readonly ObjectCodec<HttpSettings> Http = new ObjectCodec<HttpSettings>("ConnectionPoolSettings.HTTPSettings")
        .Optional("http1MaxPendingRequests", Int, h => h.Http1MaxPendingRequests, (h, v) => h with { Http1MaxPendingRequests = v })
        .Optional("http2MaxRequests", Int, h => h.Http2MaxRequests, (h, v) => h with { Http2MaxRequests = v })
        .Optional("maxRequestsPerConnection", Int, h => h.MaxRequestsPerConnection, (h, v) => h with { MaxRequestsPerConnection = v })
        .Optional("maxRetries", Int, h => h.MaxRetries, (h, v) => h with { MaxRetries = v })
        .Optional("idleTimeout", Duration, h => h.IdleTimeout, (h, v) => h with { IdleTimeout = v })
        .Field("h2UpgradePolicy", new ChoiceCodec("DEFAULT", "DO_NOT_UPGRADE", "UPGRADE"), h => h.H2UpgradePolicy, (h, v) => h with { H2UpgradePolicy = v })
        .Optional("useClientProtocol", Bool, h => h.UseClientProtocol, (h, v) => h with { UseClientProtocol = v })
        .Optional("maxConcurrentStreams", Int, h => h.MaxConcurrentStreams, (h, v) => h with { MaxConcurrentStreams = v })
        .Field("http2KeepAlive", KeepAlive, h => h.Http2KeepAlive, (h, v) => h with { Http2KeepAlive = v });

    public static readonly ObjectCodec<ConnectionPoolSettings> ConnectionPool = new ObjectCodec<ConnectionPoolSettings>("ConnectionPoolSettings")
        .Field("tcp", Tcp, c => c.Tcp, (c, v) => c with { Tcp = v })
        .Field("http", Http, c => c.Http, (c, v) => c with { Http = v });

    public static readonly ObjectCodec<OutlierDetection> Outlier = new ObjectCodec<OutlierDetection>("OutlierDetection")
        .Field("splitExternalLocalOriginErrors", Bool, o => o.SplitExternalLocalOriginErrors, (o, v) => o with { SplitExternalLocalOriginErrors = v })
        .Optional("consecutiveLocalOriginFailures", Int, o => o.ConsecutiveLocalOriginFailures, (o, v) => o with { ConsecutiveLocalOriginFailures = v })
        .Optional("consecutiveGatewayErrors", Int, o => o.ConsecutiveGatewayErrors, (o, v) => o with { ConsecutiveGatewayErrors = v })
        .Optional("consecutive5xxErrors", Int, o => o.Consecutive5xxErrors, (o, v) => o with { Consecutive5xxErrors = v })
        .Optional("interval", Duration, o => o.Interval, (o, v) => o with { Interval = v })
        .Optional("baseEjectionTime", Duration, o => o.BaseEjectionTime, (o, v) => o with { BaseEjectionTime = v })
        .Optional("maxEjectionPercent", Int, o => o.MaxEjectionPercent, (o, v) => o with { MaxEjectionPercent = v })
        .Optional("minHealthPercent", Int, o => o.MinHealthPercent, (o, v) => o with { MinHealthPercent = v })
        .Unenforced("outlierDetectionHttpErrorCodes", "accepted and ignored (5xx responses and gateway errors count as errors, as without it)")
        .Unsupported("consecutiveErrors");

    public static readonly ObjectCodec<ClientTlsSettings> Tls = new ObjectCodec<ClientTlsSettings>("ClientTLSSettings")
        .Field("mode", TlsMode, t => t.Mode, (t, v) => t with { Mode = v })
        .Field("clientCertificate", Str, t => t.ClientCertificate, (t, v) => t with { ClientCertificate = v })
        .Field("privateKey", Str, t => t.PrivateKey, (t, v) => t with { PrivateKey = v })
        .Field("caCertificates", Str, t => t.CaCertificates, (t, v) => t with { CaCertificates = v })
        .Field("credentialName", Str, t => t.CredentialName, (t, v) => t with { CredentialName = v })
        .Field("subjectAltNames", StrList, t => t.SubjectAltNames, (t, v) => t with { SubjectAltNames = v })
        .Field("sni", Str, t => t.Sni, (t, v) => t with { Sni = v })
        .Optional("insecureSkipVerify", Bool, t => t.InsecureSkipVerify, (t, v) => t with { InsecureSkipVerify = v })
        .Unsupported("caCrl");

    public static readonly ObjectCodec<PortTrafficPolicy> PortPolicy = new ObjectCodec<PortTrafficPolicy>("PortTrafficPolicy")
        .Optional("port", PortSelector, p => p.Port, (p, v) => p with { Port = v })
        .Field("loadBalancer", LoadBalancer, p => p.LoadBalancer, (p, v) => p with { LoadBalancer = v })
        .Field("connectionPool", ConnectionPool, p => p.ConnectionPool, (p, v) => p with { ConnectionPool = v })
        .Field("outlierDetection", Outlier, p => p.OutlierDetection, (p, v) => p with { OutlierDetection = v })
        .Field("tls", Tls, p => p.Tls, (p, v) => p with { Tls = v });

    public static readonly ObjectCodec<TrafficPolicy> TrafficPolicy = new ObjectCodec<TrafficPolicy>("TrafficPolicy")
        .Field("loadBalancer", LoadBalancer, p => p.LoadBalancer, (p, v) => p with { LoadBalancer = v })
        .Field("connectionPool", ConnectionPool, p => p.ConnectionPool, (p, v) => p with { ConnectionPool = v })
        .Field("outlierDetection", Outlier, p => p.OutlierDetection, (p, v) => p with { OutlierDetection = v })
        .Field("tls", Tls, p => p.Tls, (p, v) => p with { Tls = v })
        .Field("portLevelSettings", new ListCodec<PortTrafficPolicy>(PortPolicy), p => p.PortLevelSettings, (p, v) => p with { PortLevelSettings = v })
        .Field(MeshExtensionSchema.FieldName, MeshExtensionSchema.TrafficPolicy, p => p.Mesh, (p, v) => p with { Mesh = v })
        .Unenforced("retryBudget", "accepted and ignored (retries in flight are bounded by connectionPool.http.maxRetries only)")
        .Unsupported("tunnel", "proxyProtocol");

    public static readonly ObjectCodec<Subset> Subset = new ObjectCodec<Subset>("Subset")
        .Field("name", Str, s => s.Name, (s, v) => s with { Name = v }, always: true)
        .Field("labels", StrMap, s => s.Labels, (s, v) => s with { Labels = v })
        .Field("trafficPolicy", TrafficPolicy, s => s.TrafficPolicy, (s, v) => s with { TrafficPolicy = v });

    public static readonly ObjectCodec<DestinationRuleSpec> Spec = new ObjectCodec<DestinationRuleSpec>("DestinationRule")
        .Field("host", Str, s => s.Host, (s, v) => s with { Host = v }, always: true)
        .Field("trafficPolicy", TrafficPolicy, s => s.TrafficPolicy, (s, v) => s with { TrafficPolicy = v })
        .Field("subsets", new ListCodec<Subset>(Subset), s => s.Subsets, (s, v) => s with { Subsets = v })
        .Field("exportTo", StrList, s => s.ExportTo, (s, v) => s with { ExportTo = v })
        .Unenforced("workloadSelector", "accepted and not enforced (the rule applies to traffic from every gateway)");
}
