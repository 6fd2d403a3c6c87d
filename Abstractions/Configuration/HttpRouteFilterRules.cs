using OrleansMesh.GatewayApi;

namespace OrleansMesh.Configuration;

/// <summary>What the Gateway API requires of an HTTPRoute rule's filters and backendRefs, and what OrleansMesh implements of them.</summary>
internal static class HttpRouteFilterRules
{
    private static readonly int[] s_redirectCodes = [301, 302, 303, 307, 308];

    public static void Filter(ValidationSink sink, string path, HttpRouteFilter filter, HttpRouteRule rule)
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

    public static void Backend(ValidationSink sink, string path, HttpBackendRef backend)
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
