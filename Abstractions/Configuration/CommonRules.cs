using System.Text.RegularExpressions;
using OrleansMesh.Networking;

namespace OrleansMesh.Configuration;

/// <summary>Checks shared by the kinds: names, hosts, ports, percentages, durations and regular expressions.</summary>
internal static partial class CommonRules
{
    public static readonly string[] Protocols = ["HTTP", "HTTPS", "HTTP2", "HTTP_PROXY", "GRPC", "GRPC-WEB", "TCP", "TLS", "UDP", "MONGO", "REDIS", "MYSQL"];

    public static void Metadata(ValidationSink sink, ResourceMetadata metadata)
    {
        if (metadata.Name.Length == 0)
        {
            sink.Error("metadata.name", "metadata.name is required");
        }
        else if (metadata.Name.Length > 253 || !Dns1123Subdomain().IsMatch(metadata.Name))
        {
            sink.Error("metadata.name", $"invalid name '{metadata.Name}': must be lowercase letters, digits, '-' and '.', starting and ending with a letter or digit (DNS-1123)");
        }

        if (metadata.Namespace.Length > 63 || !Dns1123Label().IsMatch(metadata.Namespace))
        {
            sink.Error("metadata.namespace", $"invalid namespace '{metadata.Namespace}': must be a DNS-1123 label (lowercase letters, digits and '-')");
        }
    }

    public static bool IsDns1123Label(string name) => name.Length <= 63 && Dns1123Label().IsMatch(name);

    /// <summary>Istio's <c>ValidatePortName</c>: a port name is a DNS-1123 label (letters of either case, digits, '-').</summary>
    public static void PortName(ValidationSink sink, string path, string name)
    {
        if (name.Length > 63 || !PortNameLabel().IsMatch(name))
        {
            sink.Error(path, $"invalid port name: {name}");
        }
    }

    /// <summary>
    /// Istio's <c>ValidateAlphaWorkloadSelector</c> / <c>validateWorkloadSelector</c>: no empty key, no '*' in a key or
    /// value (a selector is matched literally); no labels at all selects everything, a warning.
    /// </summary>
    public static void Selector(ValidationSink sink, string path, WorkloadSelector? selector, string emptyWarning)
    {
        if (selector is null)
        {
            return;
        }

        foreach (var (key, value) in selector.Labels.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            if (key.Length == 0)
            {
                sink.Error(path, $"empty key is not supported in selector: \"{key}={value}\"");
            }

            if (key.Contains('*', StringComparison.Ordinal) || value.Contains('*', StringComparison.Ordinal))
            {
                sink.Error(FieldPath.Field(path, key), $"wildcard is not supported in selector: \"{key}={value}\"");
            }
        }

        if (selector.Labels.IsEmpty)
        {
            sink.Warning(path, emptyWarning);
        }
    }

    /// <summary>
    /// A service host as Istio's <c>ValidateWildcardDomain</c> (pkg/config/validation/agent/validation.go): a DNS name
    /// whose first label may, with <paramref name="wildcard"/>, be <c>*</c>, <c>*name</c> or <c>*-name</c>; and
    /// <c>*</c> alone where the kind allows it (<paramref name="wildcard"/>, and not refused by the caller).
    /// </summary>
    public static void Host(ValidationSink sink, string path, string host, bool wildcard)
    {
        if (IsHost(host, wildcard))
        {
            return;
        }

        sink.Error(path, wildcard
            ? $"invalid host '{host}': expected a DNS name, '*' or '*.suffix'"
            : $"invalid host '{host}': expected a DNS name");
    }

    public static bool IsHost(string host, bool wildcard)
    {
        if (wildcard && host.StartsWith('*'))
        {
            var dot = host.IndexOf('.', StringComparison.Ordinal);
            var first = dot < 0 ? host : host[..dot];
            return first.Length <= 63 && WildcardLabel().IsMatch(first) && (dot < 0 || IsDnsName(host[(dot + 1)..]));
        }

        return IsDnsName(host);
    }

    /// <summary>A wildcard other than <c>*</c> and <c>*.suffix</c>, which Istio accepts with a warning on ServiceEntry hosts.</summary>
    public static bool IsPartialWildcard(string host) => host.Contains('*', StringComparison.Ordinal) && host.Length != 1 && !host.StartsWith("*.", StringComparison.Ordinal);

    private static bool IsDnsName(string name) => name.Length is > 0 and <= 255 && DnsName().IsMatch(name);

    public static void Port(ValidationSink sink, string path, uint? port)
    {
        if (port is 0 or > 65535)
        {
            sink.Error(path, $"port number {port} is out of range (1..65535)");
        }
    }

    public static void Percentage(ValidationSink sink, string path, Percent? percent)
    {
        if (percent is not null && percent.Value is < 0 or > 100 or double.NaN)
        {
            sink.Error(path + ".value", $"percentage must be between 0 and 100, got {percent.Value}");
        }
    }

    public static void NonNegative(ValidationSink sink, string path, int? value)
    {
        if (value < 0)
        {
            sink.Error(path, $"must not be negative, got {value}");
        }
    }

    public static void Positive(ValidationSink sink, string path, TimeSpan? duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            sink.Error(path, $"duration must be greater than 0, got {(duration < TimeSpan.Zero ? "a negative duration" : "0s")}");
        }
    }

    public static void NotNegative(ValidationSink sink, string path, TimeSpan? duration)
    {
        if (duration < TimeSpan.Zero)
        {
            sink.Error(path, "duration must not be negative");
        }
    }

    public static void Protocol(ValidationSink sink, string path, string protocol)
    {
        if (!Protocols.Contains(protocol, StringComparer.OrdinalIgnoreCase))
        {
            sink.Error(path, $"unknown protocol '{protocol}'; expected one of {string.Join(", ", Protocols)}");
        }
    }

    public static void Match(ValidationSink sink, string path, StringMatch? match)
    {
        if (match is { Kind: StringMatchKind.Regex })
        {
            Regex(sink, path + ".regex", match.Value, anchored: true);
        }
    }

    /// <summary>
    /// Compiles as the gateway will: .NET's non-backtracking engine is linear-time like Envoy's RE2, and refuses
    /// what RE2 refuses (backreferences, lookarounds).
    /// </summary>
    public static void Regex(ValidationSink sink, string path, string pattern, bool anchored)
    {
        try
        {
            _ = new Regex(anchored ? $"^(?:{pattern})$" : pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            sink.Error(path, $"invalid regular expression '{pattern}': {e.Message}");
        }
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Dns1123Subdomain();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1123Label();

    // Istio's wildcardPrefix (pkg/config/labels): '*', or a DNS-1123 label optionally prefixed by '*' or '*-'.
    [GeneratedRegex("^\\*((-)?[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?)?$")]
    private static partial Regex WildcardLabel();

    // Istio's labels.IsDNS1123Label, which port names must be (ValidatePortName): upper case allowed, unlike names.
    [GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?$")]
    private static partial Regex PortNameLabel();

    [GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9_]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([-A-Za-z0-9_]{0,61}[A-Za-z0-9])?)*$")]
    private static partial Regex DnsName();
}
