using System.Collections.Immutable;
using OrleansMesh.Security;

namespace OrleansMesh.Configuration;

/// <summary>Istio's single-resource rules for an AuthorizationPolicy (pilot's <c>ValidateAuthorizationPolicy</c>).</summary>
internal static class AuthorizationPolicyRules
{
    private static readonly string[] s_plainKeys =
    [
        "source.ip", "remote.ip", "destination.ip", "destination.port", "source.namespace", "source.principal",
        "source.serviceAccount", "request.auth.principal", "request.auth.audiences", "request.auth.presenter", "connection.sni",
    ];

    public static void Check(ValidationSink sink, AuthorizationPolicySpec spec)
    {
        SecurityRules.Attachment(sink, spec.Selector, spec.TargetRef, spec.TargetRefs);
        CommonRules.Selector(sink, "spec.selector.matchLabels", spec.Selector, "workload selector specified without labels");
        if (spec.Action == AuthorizationAction.Custom)
        {
            // Refused rather than stored unenforced: requests would pass unchecked by the external authorizer.
            sink.Error("spec.action", "action CUSTOM is not supported by OrleansMesh: there is no external authorizer, and storing the policy unenforced would let requests through unchecked; use ALLOW, DENY or AUDIT");
        }
        else if (spec.Provider is not null)
        {
            sink.Error("spec.provider", "provider is only allowed with action CUSTOM");
        }

        for (var i = 0; i < spec.Rules.Length; i++)
        {
            Rule(sink, $"spec.rules[{i}]", spec.Rules[i]);
        }
    }

    private static void Rule(ValidationSink sink, string path, AuthorizationRule rule)
    {
        for (var i = 0; i < rule.From.Length; i++)
        {
            Source(sink, $"{path}.from[{i}].source", rule.From[i]);
        }

        for (var i = 0; i < rule.To.Length; i++)
        {
            Operation(sink, $"{path}.to[{i}].operation", rule.To[i]);
        }

        for (var i = 0; i < rule.When.Length; i++)
        {
            Condition(sink, $"{path}.when[{i}]", rule.When[i]);
        }
    }

    private static void Source(ValidationSink sink, string path, RequestSource source)
    {
        ImmutableArray<string>[] all =
        [
            source.Principals, source.NotPrincipals, source.RequestPrincipals, source.NotRequestPrincipals, source.Namespaces,
            source.NotNamespaces, source.IpBlocks, source.NotIpBlocks, source.RemoteIpBlocks, source.NotRemoteIpBlocks,
            source.ServiceAccounts, source.NotServiceAccounts, source.TrustDomains, source.NotTrustDomains,
        ];
        if (all.All(v => v.IsDefaultOrEmpty))
        {
            sink.Error(path, "source must not be empty");
            return;
        }

        if (!source.ServiceAccounts.IsDefaultOrEmpty && (!source.Principals.IsDefaultOrEmpty || !source.Namespaces.IsDefaultOrEmpty))
        {
            sink.Error(path + ".serviceAccounts", "serviceAccounts cannot be set together with principals or namespaces");
        }

        SecurityRules.IpBlocks(sink, path + ".ipBlocks", source.IpBlocks);
        SecurityRules.IpBlocks(sink, path + ".notIpBlocks", source.NotIpBlocks);
        SecurityRules.IpBlocks(sink, path + ".remoteIpBlocks", source.RemoteIpBlocks);
        SecurityRules.IpBlocks(sink, path + ".notRemoteIpBlocks", source.NotRemoteIpBlocks);
        SecurityRules.NoEmptyValues(sink, path + ".principals", source.Principals);
        SecurityRules.NoEmptyValues(sink, path + ".notPrincipals", source.NotPrincipals);
        SecurityRules.NoEmptyValues(sink, path + ".requestPrincipals", source.RequestPrincipals);
        SecurityRules.NoEmptyValues(sink, path + ".notRequestPrincipals", source.NotRequestPrincipals);
        SecurityRules.NoEmptyValues(sink, path + ".namespaces", source.Namespaces);
        SecurityRules.NoEmptyValues(sink, path + ".notNamespaces", source.NotNamespaces);
        SecurityRules.NoEmptyValues(sink, path + ".serviceAccounts", source.ServiceAccounts);
        SecurityRules.NoEmptyValues(sink, path + ".notServiceAccounts", source.NotServiceAccounts);
        SecurityRules.NoEmptyValues(sink, path + ".trustDomains", source.TrustDomains);
        SecurityRules.NoEmptyValues(sink, path + ".notTrustDomains", source.NotTrustDomains);
    }

    private static void Operation(ValidationSink sink, string path, RequestOperation operation)
    {
        ImmutableArray<string>[] all =
        [
            operation.Hosts, operation.NotHosts, operation.Ports, operation.NotPorts,
            operation.Methods, operation.NotMethods, operation.Paths, operation.NotPaths,
        ];
        if (all.All(v => v.IsDefaultOrEmpty))
        {
            sink.Error(path, "operation must not be empty");
            return;
        }

        SecurityRules.Ports(sink, path + ".ports", operation.Ports);
        SecurityRules.Ports(sink, path + ".notPorts", operation.NotPorts);
        SecurityRules.NoEmptyValues(sink, path + ".hosts", operation.Hosts);
        SecurityRules.NoEmptyValues(sink, path + ".notHosts", operation.NotHosts);
        SecurityRules.NoEmptyValues(sink, path + ".methods", operation.Methods);
        SecurityRules.NoEmptyValues(sink, path + ".notMethods", operation.NotMethods);
        Paths(sink, path + ".paths", operation.Paths);
        Paths(sink, path + ".notPaths", operation.NotPaths);
    }

    private static void Paths(ValidationSink sink, string path, ImmutableArray<string> paths)
    {
        SecurityRules.NoEmptyValues(sink, path, paths);
        for (var i = 0; i < paths.Length; i++)
        {
            var value = paths[i];
            if (value.Contains('{', StringComparison.Ordinal))
            {
                sink.Error(FieldPath.Index(path, i), $"path template '{value}' ({{*}}, {{**}}) is not supported by OrleansMesh; use exact, '/prefix/*', '*suffix' or '*'");
            }
            else if (value.Length > 1 && value.IndexOf('*', 1) is var star && star > 0 && star < value.Length - 1)
            {
                sink.Warning(FieldPath.Index(path, i), $"'*' is a wildcard only at the start or end of a path; in '{value}' it is matched literally");
            }
        }
    }

    private static void Condition(ValidationSink sink, string path, RuleCondition condition)
    {
        var key = condition.Key;
        if (key.Length == 0)
        {
            sink.Error(path + ".key", "key must not be empty");
            return;
        }

        if (condition.Values.IsDefaultOrEmpty && condition.NotValues.IsDefaultOrEmpty)
        {
            sink.Error(path, $"at least one of values or notValues must be set for key '{key}'");
            return;
        }

        if (key.StartsWith("request.auth.claims[", StringComparison.Ordinal) || key.StartsWith("request.headers[", StringComparison.Ordinal))
        {
            MapKey(sink, path + ".key", key);
        }
        else if (key.StartsWith("experimental.", StringComparison.Ordinal))
        {
            sink.Warning(path + ".key", $"'{key}' is not evaluated by OrleansMesh: the condition never matches");
        }
        else if (!s_plainKeys.Contains(key, StringComparer.Ordinal))
        {
            sink.Error(path + ".key", $"unknown attribute '{key}'; expected request.auth.claims[...], request.headers[...] or one of {string.Join(", ", s_plainKeys)}");
        }
        else if (key is "source.ip" or "remote.ip" or "destination.ip")
        {
            SecurityRules.IpBlocks(sink, path + ".values", condition.Values);
            SecurityRules.IpBlocks(sink, path + ".notValues", condition.NotValues);
        }
        else if (key == "destination.port")
        {
            SecurityRules.Ports(sink, path + ".values", condition.Values);
            SecurityRules.Ports(sink, path + ".notValues", condition.NotValues);
        }
    }

    /// <summary>Istio's <c>validateMapKey</c>: <c>a[b]</c>, claims also nested as <c>a[b][c]</c>, no empty segment.</summary>
    private static void MapKey(ValidationSink sink, string path, string key)
    {
        var open = key.IndexOf('[', StringComparison.Ordinal);
        var segments = key[open..];
        var valid = segments.EndsWith(']') && segments.Length > 2;
        if (valid)
        {
            var parts = segments[1..^1].Split("][", StringSplitOptions.None);
            valid = parts.All(p => p.Length > 0 && !p.Contains('[', StringComparison.Ordinal) && !p.Contains(']', StringComparison.Ordinal))
                && (key.StartsWith("request.auth.claims[", StringComparison.Ordinal) || parts.Length == 1);
        }

        if (!valid)
        {
            sink.Error(path, $"bad key '{key}': should have format {key[..open]}[name]");
        }
    }
}
