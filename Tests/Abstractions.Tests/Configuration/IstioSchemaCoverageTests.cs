using OrleansMesh.Configuration;

namespace OrleansMesh.Abstractions.Tests.Configuration;

/// <summary>
/// Every field of Istio's messages (istio/api networking/v1alpha3/*.proto and security/v1beta1/*.proto, fields
/// as of istio/api b8f8791, 2026-07) is read, refused as "not supported by OrleansMesh" or accepted with that
/// warning: a field Istio has is never an "unknown field". Map fields are listed too.
/// </summary>
public sealed class IstioSchemaCoverageTests
{
    private static readonly Dictionary<string, Func<string, bool>> s_codecs = new(StringComparer.Ordinal)
    {
        ["VirtualService"] = VirtualServiceSchema.Spec.Knows,
        ["Destination"] = VirtualServiceSchema.Destination.Knows,
        ["HTTPRoute"] = VirtualServiceSchema.HttpRoute.Knows,
        ["Headers"] = VirtualServiceSchema.Headers.Knows,
        ["Headers.HeaderOperations"] = VirtualServiceSchema.HeaderMutation.Knows,
        ["HTTPMatchRequest"] = VirtualServiceSchema.Match.Knows,
        ["HTTPRouteDestination"] = VirtualServiceSchema.RouteDestination.Knows,
        ["HTTPRedirect"] = VirtualServiceSchema.Redirect.Knows,
        ["HTTPDirectResponse"] = VirtualServiceSchema.DirectResponse.Knows,
        ["HTTPRewrite"] = VirtualServiceSchema.Rewrite.Knows,
        ["RegexRewrite"] = VirtualServiceSchema.RegexRewrite.Knows,
        ["HTTPRetry"] = VirtualServiceSchema.Retries.Knows,
        ["CorsPolicy"] = VirtualServiceSchema.Cors.Knows,
        ["HTTPFaultInjection"] = VirtualServiceSchema.Fault.Knows,
        ["HTTPFaultInjection.Delay"] = VirtualServiceSchema.Delay.Knows,
        ["HTTPFaultInjection.Abort"] = VirtualServiceSchema.Abort.Knows,
        ["HTTPMirrorPolicy"] = VirtualServiceSchema.Mirror.Knows,
        ["DestinationRule"] = DestinationRuleSchema.Spec.Knows,
        ["TrafficPolicy"] = DestinationRuleSchema.TrafficPolicy.Knows,
        ["TrafficPolicy.PortTrafficPolicy"] = DestinationRuleSchema.PortPolicy.Knows,
        ["Subset"] = DestinationRuleSchema.Subset.Knows,
        ["LoadBalancerSettings"] = DestinationRuleSchema.LoadBalancer.Knows,
        ["LoadBalancerSettings.ConsistentHashLB"] = DestinationRuleSchema.ConsistentHash.Knows,
        ["ConsistentHashLB.HTTPCookie"] = DestinationRuleSchema.Cookie.Knows,
        ["ConsistentHashLB.HTTPCookie.Attribute"] = DestinationRuleSchema.CookieAttribute.Knows,
        ["ConsistentHashLB.RingHash"] = DestinationRuleSchema.RingHash.Knows,
        ["ConsistentHashLB.MagLev"] = DestinationRuleSchema.Maglev.Knows,
        ["ConnectionPoolSettings"] = DestinationRuleSchema.ConnectionPool.Knows,
        ["ConnectionPoolSettings.TCPSettings"] = DestinationRuleSchema.Tcp.Knows,
        ["ConnectionPoolSettings.HTTPSettings"] = DestinationRuleSchema.Http.Knows,
        ["ConnectionPoolSettings.HTTPSettings.ConnectionKeepalive"] = DestinationRuleSchema.KeepAlive.Knows,
        ["OutlierDetection"] = DestinationRuleSchema.Outlier.Knows,
        ["ClientTLSSettings"] = DestinationRuleSchema.Tls.Knows,
        ["ServiceEntry"] = ServiceEntrySchema.Spec.Knows,
        ["ServicePort"] = ServiceEntrySchema.Port.Knows,
        ["WorkloadEntry"] = ServiceEntrySchema.Workload.Knows,
        ["WorkloadSelector"] = ServiceEntrySchema.Selector.Knows,
        ["Gateway"] = GatewaySchema.Spec.Knows,
        ["Server"] = GatewaySchema.Server.Knows,
        ["Port"] = GatewaySchema.Port.Knows,
        ["ServerTLSSettings"] = GatewaySchema.Tls.Knows,
        ["AuthorizationPolicy"] = SecuritySchema.AuthorizationPolicy.Knows,
        ["Rule"] = SecuritySchema.Rule.Knows,
        ["Source"] = SecuritySchema.Source.Knows,
        ["Operation"] = SecuritySchema.Operation.Knows,
        ["Condition"] = SecuritySchema.Condition.Knows,
        ["RequestAuthentication"] = SecuritySchema.RequestAuthentication.Knows,
        ["JWTRule"] = SecuritySchema.Jwt.Knows,
        ["JWTHeader"] = SecuritySchema.Header.Knows,
        ["ClaimToHeader"] = SecuritySchema.ClaimHeader.Knows,
        ["PeerAuthentication"] = SecuritySchema.PeerAuthentication.Knows,
        ["PeerAuthentication.MutualTLS"] = SecuritySchema.Mtls.Knows,
        ["type.v1beta1.WorkloadSelector"] = SecuritySchema.Selector.Knows,
        ["type.v1beta1.PolicyTargetReference"] = SecuritySchema.TargetRef.Knows,
    };

    [Theory]
    [InlineData("VirtualService", "hosts gateways http tls tcp exportTo")]
    [InlineData("Destination", "host subset port")]
    [InlineData("HTTPRoute", "name match route redirect directResponse delegate rewrite timeout retries fault mirror mirrors mirrorPercent mirrorPercentage corsPolicy headers")]
    [InlineData("Headers", "request response")]
    [InlineData("Headers.HeaderOperations", "set add remove")]
    [InlineData("HTTPMatchRequest", "name uri scheme method authority headers port sourceLabels gateways queryParams ignoreUriCase withoutHeaders sourceNamespace statPrefix")]
    [InlineData("HTTPRouteDestination", "destination weight headers")]
    [InlineData("HTTPRedirect", "uri authority port derivePort scheme redirectCode prefixRewrite")]
    [InlineData("HTTPDirectResponse", "status body")]
    [InlineData("HTTPRewrite", "uri authority uriRegexRewrite")]
    [InlineData("RegexRewrite", "match rewrite")]
    [InlineData("HTTPRetry", "attempts perTryTimeout retryOn retryRemoteLocalities retryIgnorePreviousHosts backoff")]
    [InlineData("CorsPolicy", "allowOrigin allowOrigins allowMethods allowHeaders exposeHeaders maxAge allowCredentials unmatchedPreflights")]
    [InlineData("HTTPFaultInjection", "delay abort")]
    [InlineData("HTTPFaultInjection.Delay", "percent fixedDelay exponentialDelay percentage")]
    [InlineData("HTTPFaultInjection.Abort", "httpStatus grpcStatus http2Error percentage")]
    [InlineData("HTTPMirrorPolicy", "destination percentage")]
    [InlineData("DestinationRule", "host trafficPolicy subsets exportTo workloadSelector")]
    [InlineData("TrafficPolicy", "loadBalancer connectionPool outlierDetection tls portLevelSettings tunnel proxyProtocol retryBudget")]
    [InlineData("TrafficPolicy.PortTrafficPolicy", "port loadBalancer connectionPool outlierDetection tls")]
    [InlineData("Subset", "name labels trafficPolicy")]
    [InlineData("LoadBalancerSettings", "simple consistentHash localityLbSetting zoneAwareLbSetting warmupDurationSecs warmup")]
    [InlineData("LoadBalancerSettings.ConsistentHashLB", "httpHeaderName httpCookie useSourceIp httpQueryParameterName ringHash maglev minimumRingSize")]
    [InlineData("ConsistentHashLB.HTTPCookie", "name path ttl attributes")]
    [InlineData("ConsistentHashLB.HTTPCookie.Attribute", "name value")]
    [InlineData("ConsistentHashLB.RingHash", "minimumRingSize")]
    [InlineData("ConsistentHashLB.MagLev", "tableSize")]
    [InlineData("ConnectionPoolSettings", "tcp http")]
    [InlineData("ConnectionPoolSettings.TCPSettings", "maxConnections connectTimeout tcpKeepalive maxConnectionDuration idleTimeout")]
    [InlineData("ConnectionPoolSettings.HTTPSettings", "http1MaxPendingRequests http2MaxRequests maxRequestsPerConnection maxRetries idleTimeout h2UpgradePolicy useClientProtocol maxConcurrentStreams http2KeepAlive")]
    [InlineData("ConnectionPoolSettings.HTTPSettings.ConnectionKeepalive", "interval timeout")]
    [InlineData("OutlierDetection", "consecutiveErrors splitExternalLocalOriginErrors consecutiveLocalOriginFailures consecutiveGatewayErrors consecutive5xxErrors interval baseEjectionTime maxEjectionPercent minHealthPercent outlierDetectionHttpErrorCodes")]
    [InlineData("ClientTLSSettings", "mode clientCertificate privateKey caCertificates credentialName subjectAltNames sni insecureSkipVerify caCrl")]
    [InlineData("ServiceEntry", "hosts addresses ports location resolution endpoints workloadSelector exportTo subjectAltNames")]
    [InlineData("ServicePort", "number protocol name targetPort")]
    [InlineData("WorkloadEntry", "address ports labels network locality weight serviceAccount")]
    [InlineData("WorkloadSelector", "labels")]
    [InlineData("Gateway", "servers selector")]
    [InlineData("Server", "port bind hosts tls defaultEndpoint name")]
    [InlineData("Port", "number protocol name targetPort")]
    [InlineData("ServerTLSSettings", "httpsRedirect mode serverCertificate privateKey caCertificates caCrl credentialName credentialNames caCertCredentialName tlsCertificates subjectAltNames verifyCertificateSpki verifyCertificateHash minProtocolVersion maxProtocolVersion cipherSuites insecureSkipVerify")]
    [InlineData("AuthorizationPolicy", "selector targetRef targetRefs rules action provider")]
    [InlineData("Rule", "from to when")]
    [InlineData("Source", "principals notPrincipals requestPrincipals notRequestPrincipals namespaces notNamespaces serviceAccounts notServiceAccounts ipBlocks notIpBlocks remoteIpBlocks notRemoteIpBlocks trustDomains notTrustDomains")]
    [InlineData("Operation", "hosts notHosts ports notPorts methods notMethods paths notPaths")]
    [InlineData("Condition", "key values notValues")]
    [InlineData("RequestAuthentication", "selector targetRef targetRefs jwtRules")]
    [InlineData("JWTRule", "issuer audiences jwksUri jwks fromHeaders fromParams outputPayloadToHeader fromCookies forwardOriginalToken outputClaimToHeaders timeout spaceDelimitedClaims")]
    [InlineData("JWTHeader", "name prefix")]
    [InlineData("ClaimToHeader", "header claim")]
    [InlineData("PeerAuthentication", "selector mtls portLevelMtls")]
    [InlineData("PeerAuthentication.MutualTLS", "mode")]
    [InlineData("type.v1beta1.WorkloadSelector", "matchLabels")]
    [InlineData("type.v1beta1.PolicyTargetReference", "group kind name namespace")]
    public void Codec_EveryIstioField_IsKnownByName(string message, string istioFields)
    {
        var knows = s_codecs[message];

        var unknown = istioFields.Split(' ').Where(f => !knows(f)).ToList();

        Assert.True(unknown.Count == 0, $"{message} treats Istio's {string.Join(", ", unknown)} as unknown");
    }
}
