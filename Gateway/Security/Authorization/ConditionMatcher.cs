using System.Text.Json;
using OrleansMesh.Security;

namespace OrleansMesh.Gateway.Security.Authorization;

/// <summary>A compiled <c>when</c> condition: the attribute named by its key must match one value and no notValue.</summary>
internal sealed class ConditionMatcher
{
    private readonly Func<RequestAttributes, IReadOnlyList<string?>> _attribute;
    private readonly Func<IReadOnlyList<string?>, bool> _matches;

    public ConditionMatcher(RuleCondition condition)
    {
        var key = condition.Key;
        var isIp = key is "source.ip" or "remote.ip" or "destination.ip";
        if (isIp)
        {
            var set = ValueSets.IpBlocks(condition.Values, condition.NotValues);
            _matches = set.Matches;
        }
        else
        {
            var set = key == "destination.port" ? null : ValueSets.Strings(condition.Values, condition.NotValues);
            var ports = ValueSets.Ports(condition.Values, condition.NotValues);
            _matches = set is null ? ports.Matches : set.Matches;
        }

        _attribute = Attribute(key);
    }

    public bool Matches(RequestAttributes request) => _matches(_attribute(request));

    private static Func<RequestAttributes, IReadOnlyList<string?>> Attribute(string key)
    {
        if (key.StartsWith("request.headers[", StringComparison.Ordinal))
        {
            var name = key["request.headers[".Length..^1];
            return r => [r.Header(name)];
        }

        if (key.StartsWith("request.auth.claims[", StringComparison.Ordinal))
        {
            var path = key["request.auth.claims[".Length..^1].Split("][", StringSplitOptions.None);
            var dotted = string.Join('.', path);
            return r => r.Authentication is { } auth ? auth.PolicyClaim(path, dotted) : [];
        }

        return key switch
        {
            "source.ip" => r => [r.SourceIp],
            "remote.ip" => r => [r.RemoteIp],
            "destination.ip" => r => [r.DestinationIp],
            "destination.port" => r => [r.DestinationPort],
            "source.namespace" => r => [r.SourceNamespace],
            "source.principal" => r => [r.SourcePrincipal],
            "source.serviceAccount" => r => [r.SourceServiceAccount],
            "request.auth.principal" => r => [r.Authentication?.Principal],
            "request.auth.audiences" => r => r.Authentication?.Audiences ?? [],
            "request.auth.presenter" => r => [r.Authentication?.Presenter],
            "connection.sni" => r => [r.Sni],

            // experimental.* reads Envoy filter metadata the gateway does not have: like absent metadata, it never matches.
            _ => static _ => [],
        };
    }

    /// <summary>A claim by its path (<c>a</c>, or <c>a</c> then <c>b</c> for nested); an array claim yields each string.</summary>
    public static IReadOnlyList<string?> ClaimValues(JsonElement claims, IReadOnlyList<string> path)
    {
        var current = claims;
        foreach (var segment in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment, out current))
            {
                return [];
            }
        }

        return current.ValueKind switch
        {
            JsonValueKind.Array => [.. current.EnumerateArray().Where(e => e.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array)).Select(Scalar)],
            JsonValueKind.Object or JsonValueKind.Null or JsonValueKind.Undefined => [],
            _ => [Scalar(current)],
        };
    }

    private static string? Scalar(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => element.GetRawText(),
        _ => null,
    };
}
