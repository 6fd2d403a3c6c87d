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

    /// <summary>A service host: a DNS name, and with <paramref name="wildcard"/> also <c>*</c> or <c>*.suffix</c>.</summary>
    public static void Host(ValidationSink sink, string path, string host, bool wildcard)
    {
        var name = wildcard && host.StartsWith("*.", StringComparison.Ordinal) ? host[2..] : host;
        if ((wildcard && host == "*") || (name.Length is > 0 and <= 255 && DnsName().IsMatch(name)))
        {
            return;
        }

        sink.Error(path, wildcard
            ? $"invalid host '{host}': expected a DNS name, '*' or '*.suffix'"
            : $"invalid host '{host}': expected a DNS name");
    }

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

    [GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9_]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([-A-Za-z0-9_]{0,61}[A-Za-z0-9])?)*$")]
    private static partial Regex DnsName();
}
