using OrleansMesh.GatewayApi;

namespace OrleansMesh.Configuration;

/// <summary>What the Gateway API's CRD schemas and webhook require of an HTTPRoute and a Gateway, and what OrleansMesh implements of them.</summary>
internal static class GatewayApiRules
{
    public const string Group = "gateway.networking.k8s.io";

    public static void Check(ValidationSink sink, HttpRouteSpec spec)
    {
        if (spec.ParentRefs.IsDefaultOrEmpty)
        {
            sink.Warning("spec.parentRefs", "the route has no parentRefs: it attaches to no Gateway and routes nothing");
        }

        for (var i = 0; i < spec.ParentRefs.Length; i++)
        {
            Parent(sink, $"spec.parentRefs[{i}]", spec.ParentRefs[i]);
        }

        for (var i = 0; i < spec.Hostnames.Length; i++)
        {
            Hostname(sink, $"spec.hostnames[{i}]", spec.Hostnames[i]);
        }

        for (var i = 0; i < spec.Rules.Length; i++)
        {
            Rule(sink, $"spec.rules[{i}]", spec.Rules[i]);
        }
    }

    public static void Check(ValidationSink sink, KubernetesGatewaySpec spec)
    {
        if (string.IsNullOrEmpty(spec.GatewayClassName))
        {
            sink.Error("spec.gatewayClassName", "gatewayClassName is required (any class: the mesh's gateways serve every Gateway)");
        }

        if (spec.Listeners.IsDefaultOrEmpty)
        {
            sink.Error("spec.listeners", "at least one listener is required");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < spec.Listeners.Length; i++)
        {
            var listener = spec.Listeners[i];
            var path = $"spec.listeners[{i}]";
            if (string.IsNullOrEmpty(listener.Name))
            {
                sink.Error(path + ".name", "name is required");
            }
            else if (!names.Add(listener.Name))
            {
                sink.Error(path + ".name", $"listener name '{listener.Name}' is used twice; names must be unique within a Gateway");
            }

            if (listener.Port is < 1 or > 65535)
            {
                sink.Error(path + ".port", $"port must be between 1 and 65535, got {listener.Port}");
            }

            if (listener.Protocol is "TLS" or "TCP" or "UDP")
            {
                sink.Warning(path + ".protocol", $"protocol {listener.Protocol} takes no HTTPRoute: OrleansMesh routes HTTP only, so this listener serves nothing");
            }
            else if (listener.Protocol is not ("HTTP" or "HTTPS"))
            {
                sink.Error(path + ".protocol", $"protocol must be one of HTTP, HTTPS, TLS, TCP, UDP, got '{listener.Protocol}'");
            }

            if (listener.Hostname is { } hostname)
            {
                Hostname(sink, path + ".hostname", hostname);
            }

            var kinds = listener.AllowedRoutes?.Kinds ?? [];
            for (var k = 0; k < kinds.Length; k++)
            {
                if (kinds[k].Kind != "HTTPRoute" || (kinds[k].Group is { Length: > 0 } g && g != Group))
                {
                    sink.Warning($"{path}.allowedRoutes.kinds[{k}]", $"route kind '{kinds[k].Kind}' is not served by OrleansMesh (HTTPRoute only)");
                }
            }
        }
    }

    private static void Parent(ValidationSink sink, string path, ParentReference parent)
    {
        if (parent.Group is { Length: > 0 } group && group != Group)
        {
            sink.Error(path + ".group", $"group must be {Group}, got '{group}'");
        }

        if (parent.Kind is { Length: > 0 } kind && kind != "Gateway")
        {
            sink.Error(path + ".kind", kind == "Service"
                ? "a Service parent (GAMMA mesh routing) is not supported by OrleansMesh; attach the route to a Gateway, or write a VirtualService for mesh traffic"
                : $"kind must be Gateway, got '{kind}'");
        }

        if (string.IsNullOrEmpty(parent.Name))
        {
            sink.Error(path + ".name", "name is required");
        }

        CommonRules.Port(sink, path + ".port", parent.Port);
    }

    private static void Hostname(ValidationSink sink, string path, string hostname)
    {
        if (hostname == "*" || CommonRules.IsPartialWildcard(hostname) || !CommonRules.IsHost(hostname, wildcard: true))
        {
            sink.Error(path, $"invalid hostname '{hostname}': expected a DNS name or '*.suffix'");
        }
    }

    private static void Rule(ValidationSink sink, string path, HttpRouteRule rule)
    {
        for (var m = 0; m < rule.Matches.Length; m++)
        {
            Match(sink, $"{path}.matches[{m}]", rule.Matches[m]);
        }

        for (var f = 0; f < rule.Filters.Length; f++)
        {
            HttpRouteFilterRules.Filter(sink, $"{path}.filters[{f}]", rule.Filters[f], rule);
        }

        var types = rule.Filters.Select(f => f.Type).ToList();
        if (types.Contains("RequestRedirect") && types.Contains("URLRewrite"))
        {
            sink.Error(path + ".filters", "RequestRedirect and URLRewrite cannot both be set on one rule");
        }

        if (types.Contains("RequestRedirect") && !rule.BackendRefs.IsDefaultOrEmpty)
        {
            sink.Error(path + ".backendRefs", "a rule with a RequestRedirect filter answers itself; it cannot also have backendRefs");
        }

        foreach (var type in types.Where(t => t is not "RequestMirror").GroupBy(t => t).Where(g => g.Count() > 1))
        {
            sink.Error(path + ".filters", $"filter {type.Key} may appear only once in a rule");
        }

        for (var b = 0; b < rule.BackendRefs.Length; b++)
        {
            HttpRouteFilterRules.Backend(sink, $"{path}.backendRefs[{b}]", rule.BackendRefs[b]);
        }

        if (rule.Timeouts is { } timeouts)
        {
            CommonRules.NotNegative(sink, path + ".timeouts.request", timeouts.Request);
            CommonRules.NotNegative(sink, path + ".timeouts.backendRequest", timeouts.BackendRequest);
            if (timeouts is { Request: { } request, BackendRequest: { } backend } && request > TimeSpan.Zero && backend > request)
            {
                sink.Error(path + ".timeouts.backendRequest", "backendRequest must not be longer than request");
            }
        }
    }

    private static void Match(ValidationSink sink, string path, HttpRouteMatch match)
    {
        if (match.Path is { } pathMatch)
        {
            var value = pathMatch.Value ?? "/";
            if (pathMatch.Type == "RegularExpression")
            {
                CommonRules.Regex(sink, path + ".path.value", value, anchored: true);
            }
            else if (!value.StartsWith('/'))
            {
                sink.Error(path + ".path.value", $"path must start with '/', got '{value}'");
            }
        }

        Values(sink, path + ".headers", match.Headers);
        Values(sink, path + ".queryParams", match.QueryParams);
    }

    private static void Values(ValidationSink sink, string path, System.Collections.Immutable.ImmutableArray<HttpValueMatch> matches)
    {
        for (var i = 0; i < matches.Length; i++)
        {
            if (string.IsNullOrEmpty(matches[i].Name))
            {
                sink.Error($"{path}[{i}].name", "name is required");
            }

            if (matches[i].Type == "RegularExpression")
            {
                CommonRules.Regex(sink, $"{path}[{i}].value", matches[i].Value, anchored: true);
            }
        }
    }
}
