using System.Collections.Immutable;
using System.Net;

namespace OrleansMesh.Gateway.Security.Authorization;

/// <summary>
/// A source's <c>ipBlocks</c> or <c>remoteIpBlocks</c> with its <c>not…</c> form, or an IP condition's values: the
/// address must fall in one block (when any is set) and in none of the not-blocks. An absent address matches no block.
/// Blocks were validated at apply time; the request's own address is matched without parsing it again.
/// </summary>
internal sealed class IpBlockSet(IPNetwork[] blocks, IPNetwork[] notBlocks)
{
    public bool IsEmpty => blocks.Length == 0 && notBlocks.Length == 0;

    public static IpBlockSet Parse(ImmutableArray<string> values, ImmutableArray<string> notValues) =>
        new([.. Safe(values).Select(ParseBlock)], [.. Safe(notValues).Select(ParseBlock)]);

    /// <summary>An address or CIDR block; a bare address is a /32 or /128.</summary>
    public static IPNetwork ParseBlock(string block)
    {
        if (block.Contains('/', StringComparison.Ordinal))
        {
            return IPNetwork.Parse(block);
        }

        var address = IPAddress.Parse(block);
        return new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
    }

    public bool Matches(IPAddress? address)
    {
        if (address is not null && address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return (blocks.Length == 0 || Any(blocks, address)) && !Any(notBlocks, address);
    }

    /// <summary>For condition values read as text (any of them may match).</summary>
    public bool Matches(IReadOnlyList<string?> addresses)
    {
        var parsed = new IPAddress?[addresses.Count];
        for (var i = 0; i < parsed.Length; i++)
        {
            parsed[i] = addresses[i] is { } text && IPAddress.TryParse(text, out var ip) ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip) : null;
        }

        if (blocks.Length > 0 && !parsed.Any(a => Any(blocks, a)))
        {
            return false;
        }

        return !parsed.Any(a => Any(notBlocks, a));
    }

    private static bool Any(IPNetwork[] set, IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }

        foreach (var block in set)
        {
            if (block.Contains(address))
            {
                return true;
            }
        }

        return false;
    }

    private static ImmutableArray<string> Safe(ImmutableArray<string> values) => values.IsDefault ? [] : values;
}
