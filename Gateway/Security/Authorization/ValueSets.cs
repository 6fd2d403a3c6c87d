using System.Collections.Immutable;
using System.Globalization;
using System.Net;

namespace OrleansMesh.Gateway.Security.Authorization;

/// <summary>Builds the value sets policies use (strings, CIDR blocks and ports), and the text of addresses and ports.</summary>
internal static class ValueSets
{
    private static PortText? s_lastPort;

    public static ValueSet<IstioStringMatch> Strings(ImmutableArray<string> values, ImmutableArray<string> notValues, bool ignoreCase = false) =>
        new((m, a) => m.Matches(a), IstioStringMatch.All(Safe(values), ignoreCase), IstioStringMatch.All(Safe(notValues), ignoreCase));

    public static IpBlockSet IpBlocks(ImmutableArray<string> values, ImmutableArray<string> notValues) =>
        new([.. Safe(values).Select(ParseBlock)], [.. Safe(notValues).Select(ParseBlock)]);

    /// <summary>An address or CIDR block; a bare address is a /32 or /128. Validated at apply time.</summary>
    public static IPNetwork ParseBlock(string block)
    {
        if (block.Contains('/', StringComparison.Ordinal))
        {
            return IPNetwork.Parse(block);
        }

        var address = IPAddress.Parse(block);
        return new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
    }

    public static ValueSet<string> Ports(ImmutableArray<string> values, ImmutableArray<string> notValues) =>
        new((p, a) => a is not null && string.Equals(p, a, StringComparison.Ordinal), [.. Safe(values)], [.. Safe(notValues)]);

    public static string? Text(IPAddress? address) =>
        address is null ? null : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();

    /// <summary>A port as text; the last one is kept, as a gateway's requests arrive on one or two ports.</summary>
    public static string Text(int port)
    {
        var last = s_lastPort;
        if (last is null || last.Port != port)
        {
            last = new PortText(port, port.ToString(CultureInfo.InvariantCulture));
            s_lastPort = last;
        }

        return last.Text;
    }

    private static ImmutableArray<string> Safe(ImmutableArray<string> values) => values.IsDefault ? [] : values;

    private sealed record PortText(int Port, string Text);
}
