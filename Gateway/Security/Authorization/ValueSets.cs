using System.Collections.Immutable;
using System.Globalization;
using System.Net;

namespace OrleansMesh.Gateway.Security.Authorization;

/// <summary>Builds <see cref="ValueSet{T}"/>s of the kinds policies use: strings, CIDR blocks and ports.</summary>
internal static class ValueSets
{
    public static ValueSet<IstioStringMatch> Strings(ImmutableArray<string> values, ImmutableArray<string> notValues, bool ignoreCase = false) =>
        new((m, a) => m.Matches(a), IstioStringMatch.All(Safe(values), ignoreCase), IstioStringMatch.All(Safe(notValues), ignoreCase));

    public static ValueSet<IPNetwork> IpBlocks(ImmutableArray<string> values, ImmutableArray<string> notValues) =>
        new(Contains, [.. Safe(values).Select(ParseBlock)], [.. Safe(notValues).Select(ParseBlock)]);

    public static ValueSet<string> Ports(ImmutableArray<string> values, ImmutableArray<string> notValues) =>
        new((p, a) => a is not null && string.Equals(p, a, StringComparison.Ordinal), [.. Safe(values)], [.. Safe(notValues)]);

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

    public static string? Text(IPAddress? address) =>
        address is null ? null : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();

    public static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static bool Contains(IPNetwork network, string? address) =>
        address is not null && IPAddress.TryParse(address, out var ip) && network.Contains(ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip);

    private static ImmutableArray<string> Safe(ImmutableArray<string> values) => values.IsDefault ? [] : values;
}
