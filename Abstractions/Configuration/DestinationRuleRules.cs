using OrleansMesh.Networking;

namespace OrleansMesh.Configuration;

/// <summary>Istio's single-resource rules for a DestinationRule.</summary>
internal static class DestinationRuleRules
{
    public static void Check(ValidationSink sink, DestinationRuleSpec spec)
    {
        if (spec.Host.Length == 0)
        {
            sink.Error("spec.host", "host is required");
        }
        else
        {
            CommonRules.Host(sink, "spec.host", spec.Host, wildcard: true);
        }

        Policy(sink, "spec.trafficPolicy", spec.TrafficPolicy);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < spec.Subsets.Length; i++)
        {
            var subset = spec.Subsets[i];
            var path = $"spec.subsets[{i}]";
            if (subset.Name.Length == 0)
            {
                sink.Error(path + ".name", "subset name is required");
            }
            else if (!CommonRules.IsDns1123Label(subset.Name))
            {
                sink.Error(path + ".name", $"invalid subset name '{subset.Name}': must be a DNS-1123 label");
            }
            else if (!names.Add(subset.Name))
            {
                sink.Error(path + ".name", $"duplicate subset name '{subset.Name}'");
            }

            Policy(sink, path + ".trafficPolicy", subset.TrafficPolicy);
        }
    }

    private static void Policy(ValidationSink sink, string path, TrafficPolicy? policy)
    {
        if (policy is null)
        {
            return;
        }

        Settings(sink, path, policy.LoadBalancer, policy.ConnectionPool, policy.OutlierDetection, policy.Tls);
        MeshExtensionRules.TrafficPolicy(sink, path, policy.Mesh);
        for (var i = 0; i < policy.PortLevelSettings.Length; i++)
        {
            var port = policy.PortLevelSettings[i];
            var portPath = $"{path}.portLevelSettings[{i}]";
            if (port.Port is null)
            {
                sink.Error(portPath + ".port", "port is required");
            }

            CommonRules.Port(sink, portPath + ".port.number", port.Port);
            Settings(sink, portPath, port.LoadBalancer, port.ConnectionPool, port.OutlierDetection, port.Tls);
        }
    }

    private static void Settings(ValidationSink sink, string path, LoadBalancerSettings? loadBalancer, ConnectionPoolSettings? pool, OutlierDetection? outlier, ClientTlsSettings? tls)
    {
        LoadBalancer(sink, path + ".loadBalancer", loadBalancer);
        if (pool?.Tcp is { } tcp)
        {
            CommonRules.NonNegative(sink, path + ".connectionPool.tcp.maxConnections", tcp.MaxConnections);
            CommonRules.Positive(sink, path + ".connectionPool.tcp.connectTimeout", tcp.ConnectTimeout);
            CommonRules.Positive(sink, path + ".connectionPool.tcp.maxConnectionDuration", tcp.MaxConnectionDuration);
            CommonRules.Positive(sink, path + ".connectionPool.tcp.idleTimeout", tcp.IdleTimeout);
        }

        if (pool?.Http is { } http)
        {
            var httpPath = path + ".connectionPool.http";
            CommonRules.NonNegative(sink, httpPath + ".http1MaxPendingRequests", http.Http1MaxPendingRequests);
            CommonRules.NonNegative(sink, httpPath + ".http2MaxRequests", http.Http2MaxRequests);
            CommonRules.NonNegative(sink, httpPath + ".maxRequestsPerConnection", http.MaxRequestsPerConnection);
            CommonRules.NonNegative(sink, httpPath + ".maxRetries", http.MaxRetries);
            CommonRules.NonNegative(sink, httpPath + ".maxConcurrentStreams", http.MaxConcurrentStreams);
            CommonRules.Positive(sink, httpPath + ".idleTimeout", http.IdleTimeout);
            KeepAlive(sink, httpPath + ".http2KeepAlive", http.Http2KeepAlive);
        }

        Outlier(sink, path + ".outlierDetection", outlier);
        Tls(sink, path + ".tls", tls);
    }

    // Istio: validateLoadBalancer in pkg/config/validation/validation.go, and the CRD's CEL rule
    // "only one of warmupDurationSecs or warmup can be set" (api networking/v1alpha3/destination_rule.proto).
    private static void Warmup(ValidationSink sink, string path, LoadBalancerSettings settings)
    {
        if (settings.Warmup is not { } warmup)
        {
            return;
        }

        if (settings.WarmupDuration is not null)
        {
            sink.Error(path + ".warmup", "only one of warmupDurationSecs or warmup can be set");
        }

        if (warmup.Duration is not { } duration)
        {
            sink.Error(path + ".warmup.duration", "duration is required");
        }
        else if (duration < TimeSpan.FromMilliseconds(1))
        {
            sink.Error(path + ".warmup.duration", "duration must be at least 1ms");
        }
        else if (duration.Ticks % TimeSpan.TicksPerMillisecond != 0)
        {
            sink.Error(path + ".warmup.duration", "only durations to ms precision are supported");
        }

        if (warmup.MinimumPercent is < 0 or > 100)
        {
            sink.Error(path + ".warmup.minimumPercent", $"minimumPercent must be between 0 and 100, got {warmup.MinimumPercent.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }

        if (warmup.Aggression is <= 0)
        {
            sink.Error(path + ".warmup.aggression", $"aggression must be greater than 0, got {warmup.Aggression.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }
    }

    // Istio's validateConnectionPool: both durations required, at least 1ms.
    private static void KeepAlive(ValidationSink sink, string path, Http2KeepAlive? keepAlive)
    {
        if (keepAlive is null)
        {
            return;
        }

        foreach (var (field, value) in new[] { ("interval", keepAlive.Interval), ("timeout", keepAlive.Timeout) })
        {
            if (value is null)
            {
                sink.Error(path, $"http2 keepalive {field} is required");
            }
            else if (value < TimeSpan.FromMilliseconds(1))
            {
                sink.Error($"{path}.{field}", "duration must be greater than 1ms");
            }
        }
    }

    private static void LoadBalancer(ValidationSink sink, string path, LoadBalancerSettings? settings)
    {
        if (settings is null)
        {
            return;
        }

        if (settings.Simple is not null && settings.ConsistentHash is not null)
        {
            sink.Error(path, "simple and consistentHash cannot both be set");
        }

        CommonRules.Positive(sink, path + ".warmupDurationSecs", settings.WarmupDuration);
        Warmup(sink, path, settings);
        if (settings.ConsistentHash is not { } hash)
        {
            return;
        }

        var keys = (hash.HttpHeaderName is not null ? 1 : 0) + (hash.HttpCookie is not null ? 1 : 0)
            + (hash.UseSourceIp ? 1 : 0) + (hash.HttpQueryParameterName is not null ? 1 : 0);
        if (keys != 1)
        {
            sink.Error(path + ".consistentHash", "exactly one of httpHeaderName, httpCookie, useSourceIp or httpQueryParameterName must be set");
        }

        if (hash.HttpCookie is { } cookie)
        {
            if (cookie.Name.Length == 0)
            {
                sink.Error(path + ".consistentHash.httpCookie.name", "cookie name is required");
            }

            CommonRules.NotNegative(sink, path + ".consistentHash.httpCookie.ttl", cookie.Ttl);
            for (var i = 0; i < cookie.Attributes.Length; i++)
            {
                if (cookie.Attributes[i].Name.Length == 0)
                {
                    sink.Error($"{path}.consistentHash.httpCookie.attributes[{i}].name", "attribute name is required");
                }
            }
        }

        HashAlgorithm(sink, path + ".consistentHash", hash);
    }

    // Envoy's limits: a ring of at most 8M points, a prime Maglev table of at most 5000011 entries.
    private static void HashAlgorithm(ValidationSink sink, string path, ConsistentHashSettings hash)
    {
        const ulong maxRingSize = 8 * 1024 * 1024;
        const ulong maxTableSize = 5_000_011;
        if (hash.RingHash is not null && hash.Maglev is not null)
        {
            sink.Error(path, "ringHash and maglev cannot both be set");
        }

        if (hash.MinimumRingSize is not null && (hash.RingHash is not null || hash.Maglev is not null))
        {
            sink.Error(path + ".minimumRingSize", "minimumRingSize is deprecated: set ringHash.minimumRingSize instead, not both");
        }

        if ((hash.RingHash?.MinimumRingSize ?? hash.MinimumRingSize) is > maxRingSize)
        {
            sink.Error(path + (hash.RingHash is null ? ".minimumRingSize" : ".ringHash.minimumRingSize"), $"must be at most {maxRingSize}");
        }

        if (hash.Maglev?.TableSize is { } size and not 0 && (size > maxTableSize || !IsPrime(size)))
        {
            sink.Error(path + ".maglev.tableSize", $"must be a prime number no greater than {maxTableSize}, e.g. 65537");
        }
    }

    private static bool IsPrime(ulong n)
    {
        if (n < 2)
        {
            return false;
        }

        for (ulong d = 2; d * d <= n; d++)
        {
            if (n % d == 0)
            {
                return false;
            }
        }

        return true;
    }

    private static void Outlier(ValidationSink sink, string path, OutlierDetection? outlier)
    {
        if (outlier is null)
        {
            return;
        }

        CommonRules.NonNegative(sink, path + ".consecutiveLocalOriginFailures", outlier.ConsecutiveLocalOriginFailures);
        CommonRules.NonNegative(sink, path + ".consecutiveGatewayErrors", outlier.ConsecutiveGatewayErrors);
        CommonRules.NonNegative(sink, path + ".consecutive5xxErrors", outlier.Consecutive5xxErrors);
        CommonRules.Positive(sink, path + ".interval", outlier.Interval);
        CommonRules.Positive(sink, path + ".baseEjectionTime", outlier.BaseEjectionTime);
        foreach (var (name, value) in new[] { ("maxEjectionPercent", outlier.MaxEjectionPercent), ("minHealthPercent", outlier.MinHealthPercent) })
        {
            if (value is < 0 or > 100)
            {
                sink.Error($"{path}.{name}", $"{name} must be between 0 and 100, got {value}");
            }
        }
    }

    private static void Tls(ValidationSink sink, string path, ClientTlsSettings? tls)
    {
        if (tls is not { Mode: ClientTlsMode.Mutual, CredentialName: null })
        {
            return;
        }

        if (string.IsNullOrEmpty(tls.ClientCertificate))
        {
            sink.Error(path + ".clientCertificate", "clientCertificate is required for MUTUAL TLS unless credentialName is set");
        }

        if (string.IsNullOrEmpty(tls.PrivateKey))
        {
            sink.Error(path + ".privateKey", "privateKey is required for MUTUAL TLS unless credentialName is set");
        }
    }
}
