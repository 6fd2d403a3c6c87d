using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using OrleansMesh.Networking;
using OrleansMesh.Security;

namespace OrleansMesh.Configuration;

/// <summary>Istio's single-resource rules for RequestAuthentication and PeerAuthentication, and the checks the security kinds share.</summary>
internal static partial class SecurityRules
{
    public static void Check(ValidationSink sink, RequestAuthenticationSpec spec)
    {
        Attachment(sink, spec.Selector, spec.TargetRef, spec.TargetRefs);
        CommonRules.Selector(sink, "spec.selector.matchLabels", spec.Selector, "workload selector specified without labels");
        var issuers = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < spec.JwtRules.Length; i++)
        {
            var rule = spec.JwtRules[i];
            var path = $"spec.jwtRules[{i}]";
            if (rule.Issuer.Length == 0)
            {
                sink.Error(path + ".issuer", "issuer must be set");
            }
            else if (!issuers.Add(rule.Issuer))
            {
                sink.Error(path + ".issuer", $"issuer '{rule.Issuer}' appears in more than one jwtRule");
            }

            Keys(sink, path, rule);
            Locations(sink, path, rule);
            Outputs(sink, path, rule);
            CommonRules.Positive(sink, path + ".timeout", rule.Timeout);
            NoEmptyValues(sink, path + ".spaceDelimitedClaims", rule.SpaceDelimitedClaims);
        }
    }

    public static void Check(ValidationSink sink, PeerAuthenticationSpec spec)
    {
        CommonRules.Selector(sink, "spec.selector.matchLabels", spec.Selector, "workload selector specified without labels");
        if (spec.Selector is null && !spec.PortLevelMtls.IsEmpty)
        {
            sink.Error("spec.portLevelMtls", "portLevelMtls requires a selector: a mesh- or namespace-wide PeerAuthentication cannot set per-port modes");
        }

        foreach (var port in spec.PortLevelMtls.Keys)
        {
            if (!uint.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is 0 or > 65535)
            {
                sink.Error(FieldPath.Field("spec.portLevelMtls", port), $"port '{port}' must be a number in 1..65535");
            }
        }
    }

    /// <summary>
    /// Where a policy applies. Attaching to Gateway API resources is refused rather than stored unenforced: a
    /// security policy that silently applies nowhere fails open.
    /// </summary>
    public static void Attachment(ValidationSink sink, WorkloadSelector? selector, PolicyTargetReference? targetRef, System.Collections.Immutable.ImmutableArray<PolicyTargetReference> targetRefs)
    {
        if (targetRef is not null && !targetRefs.IsDefaultOrEmpty)
        {
            sink.Error("spec.targetRef", "only one of targetRef or targetRefs can be set");
        }

        var attached = targetRef is not null || !targetRefs.IsDefaultOrEmpty;
        if (attached && selector is not null)
        {
            sink.Error("spec.selector", "only one of targetRefs or selector can be set");
        }

        if (attached)
        {
            sink.Error(targetRef is null ? "spec.targetRefs" : "spec.targetRef", "attaching a policy to Gateway API resources is not supported by OrleansMesh; use selector.matchLabels");
        }
    }

    /// <summary>Each entry an address or CIDR block, as Istio's <c>ValidateIPs</c>.</summary>
    public static void IpBlocks(ValidationSink sink, string path, System.Collections.Immutable.ImmutableArray<string> blocks)
    {
        for (var i = 0; i < blocks.Length; i++)
        {
            if (!IsIpBlock(blocks[i]))
            {
                sink.Error(FieldPath.Index(path, i), $"invalid IP address or CIDR range: '{blocks[i]}'");
            }
        }
    }

    public static bool IsIpBlock(string value) =>
        value.Contains('/', StringComparison.Ordinal) ? IPNetwork.TryParse(value, out _) : IPAddress.TryParse(value, out _);

    public static void Ports(ValidationSink sink, string path, System.Collections.Immutable.ImmutableArray<string> ports)
    {
        for (var i = 0; i < ports.Length; i++)
        {
            if (!uint.TryParse(ports[i], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
            {
                sink.Error(FieldPath.Index(path, i), $"invalid port '{ports[i]}': expected a number in 0..65535");
            }
        }
    }

    public static void NoEmptyValues(ValidationSink sink, string path, System.Collections.Immutable.ImmutableArray<string> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i].Length == 0)
            {
                sink.Error(FieldPath.Index(path, i), "empty value not allowed");
            }
        }
    }

    public static bool IsHeaderName(string name) => HeaderName().IsMatch(name);

    private static void Keys(ValidationSink sink, string path, JwtRule rule)
    {
        if (rule.Jwks.Length > 0)
        {
            if (rule.JwksUri.Length > 0)
            {
                sink.Warning(path + ".jwksUri", "jwks and jwksUri are both set; the inline jwks is used");
            }

            InlineJwks(sink, path + ".jwks", rule.Jwks);
        }
        else if (rule.JwksUri.Length > 0)
        {
            if (!Uri.TryCreate(rule.JwksUri, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.Host.Length == 0)
            {
                sink.Error(path + ".jwksUri", $"invalid jwksUri '{rule.JwksUri}': expected an absolute http or https URL");
            }
        }
        else
        {
            sink.Error(path + ".jwksUri", "one of jwks or jwksUri is required (OpenID discovery from the issuer is not supported by OrleansMesh)");
        }
    }

    private static void InlineJwks(ValidationSink sink, string path, string jwks)
    {
        try
        {
            using var document = JsonDocument.Parse(jwks);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("keys", out var keys)
                || keys.ValueKind != JsonValueKind.Array
                || keys.GetArrayLength() == 0)
            {
                sink.Error(path, "jwks must be a JSON Web Key Set: an object with a non-empty 'keys' array");
            }
        }
        catch (JsonException e)
        {
            sink.Error(path, $"jwks is not valid JSON: {e.Message}");
        }
    }

    private static void Locations(ValidationSink sink, string path, JwtRule rule)
    {
        for (var i = 0; i < rule.FromHeaders.Length; i++)
        {
            var name = rule.FromHeaders[i].Name;
            if (name.Length == 0)
            {
                sink.Error($"{path}.fromHeaders[{i}].name", "location header name must be set");
            }
            else if (!IsHeaderName(name))
            {
                sink.Error($"{path}.fromHeaders[{i}].name", $"invalid header name '{name}'");
            }
        }

        for (var i = 0; i < rule.FromParams.Length; i++)
        {
            if (rule.FromParams[i].Length == 0)
            {
                sink.Error($"{path}.fromParams[{i}]", "location query must be set");
            }
        }

        for (var i = 0; i < rule.FromCookies.Length; i++)
        {
            if (rule.FromCookies[i].Length == 0)
            {
                sink.Error($"{path}.fromCookies[{i}]", "cookie name must be set");
            }
        }
    }

    private static void Outputs(ValidationSink sink, string path, JwtRule rule)
    {
        if (rule.OutputPayloadToHeader.Length > 0 && !IsHeaderName(rule.OutputPayloadToHeader))
        {
            sink.Error(path + ".outputPayloadToHeader", $"invalid header name '{rule.OutputPayloadToHeader}'");
        }

        var headers = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < rule.OutputClaimToHeaders.Length; i++)
        {
            var output = rule.OutputClaimToHeaders[i];
            var at = $"{path}.outputClaimToHeaders[{i}]";
            if (output.Header.Length == 0 || !IsHeaderName(output.Header))
            {
                sink.Error(at + ".header", $"invalid header name '{output.Header}'");
            }
            else if (!headers.Add(output.Header))
            {
                sink.Error(at + ".header", $"header '{output.Header}' is set by more than one outputClaimToHeaders entry");
            }

            if (output.Claim.Length == 0)
            {
                sink.Error(at + ".claim", "claim must be set");
            }
        }
    }

    [GeneratedRegex("^[!#$%&'*+\\-.^_`|~0-9A-Za-z]+$")]
    private static partial Regex HeaderName();
}
