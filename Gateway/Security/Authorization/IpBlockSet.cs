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

        return (blocks.Length == 0 || AnyOf(blocks, parsed)) && !AnyOf(notBlocks, parsed);
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

    private static bool AnyOf(IPNetwork[] set, IPAddress?[] addresses)
    {
        foreach (var address in addresses)
        {
            if (Any(set, address))
            {
                return true;
            }
        }

        return false;
    }
}
