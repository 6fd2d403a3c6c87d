using OrleansMesh.GatewayApi;

namespace OrleansMesh.Configuration;

/// <summary>What the Gateway API's CRD schemas and webhook require of an HTTPRoute and a Gateway, and what OrleansMesh implements of them.</summary>
internal static class GatewayApiRules
{
    public const string Group = "gateway.networking.k8s.io";

    private static readonly int[] s_redirectCodes = [301, 302, 303, 307, 308];

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
            Filter(sink, $"{path}.filters[{f}]", rule.Filters[f], rule);
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
            Backend(sink, $"{path}.backendRefs[{b}]", rule.BackendRefs[b]);
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

    private static void Filter(ValidationSink sink, string path, HttpRouteFilter filter, HttpRouteRule rule)
    {
        var set = new (string Type, string Field, bool IsSet)[]
        {
            ("RequestHeaderModifier", "requestHeaderModifier", filter.RequestHeaderModifier is not null),
            ("ResponseHeaderModifier", "responseHeaderModifier", filter.ResponseHeaderModifier is not null),
            ("URLRewrite", "urlRewrite", filter.UrlRewrite is not null),
            ("RequestRedirect", "requestRedirect", filter.RequestRedirect is not null),
            ("RequestMirror", "requestMirror", filter.RequestMirror is not null),
        };
        foreach (var (type, field, isSet) in set)
        {
            if (type == filter.Type && !isSet)
            {
                sink.Error($"{path}.{field}", $"filter type {type} needs its '{field}' field");
            }
            else if (type != filter.Type && isSet)
            {
                sink.Error($"{path}.{field}", $"'{field}' may only be set with type {type}, not {filter.Type}");
            }
        }

        if (filter.UrlRewrite is { Path: { } rewrite })
        {
            PathModifier(sink, path + ".urlRewrite.path", rewrite);
            if (rewrite.Type == "ReplacePrefixMatch" && rule.Matches.Any(m => m.Path is { Type: not (null or "PathPrefix") }))
            {
                sink.Error(path + ".urlRewrite.path", "ReplacePrefixMatch needs every match of the rule to be a PathPrefix match");
            }
        }

        if (filter.RequestRedirect is { } redirect)
        {
            if (redirect.StatusCode is { } code && !s_redirectCodes.Contains(code))
            {
                sink.Error(path + ".requestRedirect.statusCode", $"statusCode must be one of {string.Join(", ", s_redirectCodes)}, got {code}");
            }

            CommonRules.Port(sink, path + ".requestRedirect.port", redirect.Port);
            if (redirect.Path is { } redirectPath)
            {
                PathModifier(sink, path + ".requestRedirect.path", redirectPath);
                if (redirectPath.Type == "ReplacePrefixMatch")
                {
                    sink.Error(path + ".requestRedirect.path.type", "ReplacePrefixMatch in a redirect is not supported by OrleansMesh; use ReplaceFullPath");
                }
            }
        }

        if (filter.RequestMirror is { } mirror)
        {
            Backend(sink, path + ".requestMirror.backendRef", mirror.BackendRef);
            if (mirror.Percent is { } percent && percent is < 0 or > 100)
            {
                sink.Error(path + ".requestMirror.percent", $"percent must be between 0 and 100, got {percent}");
            }

            if (mirror.Percent is not null && mirror.Fraction is not null)
            {
                sink.Error(path + ".requestMirror", "only one of percent and fraction may be set");
            }

            if (mirror.Fraction is { } fraction && (fraction.Denominator is <= 0 || fraction.Numerator < 0 || fraction.Numerator > (fraction.Denominator ?? 100)))
            {
                sink.Error(path + ".requestMirror.fraction", "fraction needs 0 <= numerator <= denominator and denominator > 0");
            }
        }
    }

    private static void PathModifier(ValidationSink sink, string path, HttpPathModifier modifier)
    {
        var value = modifier.Type == "ReplaceFullPath" ? modifier.ReplaceFullPath : modifier.ReplacePrefixMatch;
        var other = modifier.Type == "ReplaceFullPath" ? modifier.ReplacePrefixMatch : modifier.ReplaceFullPath;
        if (value is null)
        {
            sink.Error(path, $"type {modifier.Type} needs its value ('{(modifier.Type == "ReplaceFullPath" ? "replaceFullPath" : "replacePrefixMatch")}')");
        }
        else if (!value.StartsWith('/'))
        {
            sink.Error(path, $"the path must start with '/', got '{value}'");
        }

        if (other is not null)
        {
            sink.Error(path, $"only the field of type {modifier.Type} may be set");
        }
    }

    private static void Backend(ValidationSink sink, string path, HttpBackendRef backend)
    {
        if (string.IsNullOrEmpty(backend.Name))
        {
            sink.Error(path + ".name", "name is required");
        }

        switch (BackendKinds.Of(backend))
        {
            case BackendKind.Service when backend.Port is null:
                sink.Error(path + ".port", "port is required for a Service backend (the Gateway API's rule)");
                break;
            case BackendKind.Unknown:
                sink.Error(path + ".kind", $"backend {backend.Group}/{backend.Kind} is not supported by OrleansMesh: use a Service (core group), an InferencePool ({BackendKinds.PoolGroup}) or an Istio Hostname (networking.istio.io)");
                break;
        }

        CommonRules.Port(sink, path + ".port", backend.Port);
        if (backend.Weight is < 0 or > 1_000_000)
        {
            sink.Error(path + ".weight", $"weight must be between 0 and 1000000, got {backend.Weight}");
        }

        for (var f = 0; f < backend.Filters.Length; f++)
        {
            if (backend.Filters[f].Type is not ("RequestHeaderModifier" or "ResponseHeaderModifier"))
            {
                sink.Error($"{path}.filters[{f}].type", $"a backend's filter must be RequestHeaderModifier or ResponseHeaderModifier in OrleansMesh, got '{backend.Filters[f].Type}'");
            }
        }
    }
}
