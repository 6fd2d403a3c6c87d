using System.Collections.Immutable;
using System.Globalization;
using System.Net;

namespace OrleansMesh.Gateway.Security.Authorization;

/// <summary>Builds <see cref="ValueSet{T}"/>s of the kinds policies use (strings and ports), and the text of addresses and ports.</summary>
internal static class ValueSets
{
    private static PortText? s_lastPort;

    public static ValueSet<IstioStringMatch> Strings(ImmutableArray<string> values, ImmutableArray<string> notValues, bool ignoreCase = false) =>
        new((m, a) => m.Matches(a), IstioStringMatch.All(Safe(values), ignoreCase), IstioStringMatch.All(Safe(notValues), ignoreCase));

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
