using System.Globalization;

namespace OrleansMesh.Cli.Commands;

/// <summary>A lifetime as operators write it: a whole number and a unit, <c>90s</c>, <c>30m</c>, <c>24h</c>, <c>7d</c>.</summary>
internal static class TtlArgument
{
    public static TimeSpan Parse(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length >= 2
            && int.TryParse(trimmed.AsSpan(0, trimmed.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
            && amount > 0)
        {
            switch (trimmed[^1])
            {
                case 's': return TimeSpan.FromSeconds(amount);
                case 'm': return TimeSpan.FromMinutes(amount);
                case 'h': return TimeSpan.FromHours(amount);
                case 'd': return TimeSpan.FromDays(amount);
            }
        }

        throw new MeshCtlException(ExitCodes.ConfigError, $"'{text}' is not a lifetime; write a positive whole number and s, m, h or d, e.g. 24h or 7d");
    }
}
