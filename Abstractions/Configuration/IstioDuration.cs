using System.Globalization;

namespace OrleansMesh.Configuration;

/// <summary>
/// Istio's duration text (Go's <c>time.ParseDuration</c> form, as <c>istioctl</c> accepts it): one or more
/// decimal numbers, each with a unit <c>h</c>, <c>m</c>, <c>s</c>, <c>ms</c>, <c>us</c> (or <c>µs</c>) or <c>ns</c>,
/// e.g. <c>7s</c>, <c>500ms</c>, <c>1.5s</c>, <c>1h30m</c>. Negative durations and numbers without a unit are refused.
/// </summary>
public static class IstioDuration
{
    private const int MaxLength = 64;

    /// <summary>Parses <paramref name="text"/>; false for anything that is not a non-negative duration within <see cref="TimeSpan"/>'s range.</summary>
    /// <param name="text">The duration text, e.g. <c>1.5s</c>.</param>
    /// <param name="value">The duration, truncated to whole ticks (100 ns).</param>
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength)
        {
            return false;
        }

        decimal nanoseconds = 0;
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
            {
                i++;
            }

            var number = text[start..i];
            if (number.Length == 0 || number == "." || number.Count(c => c == '.') > 1
                || !decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            {
                return false;
            }

            var unitStart = i;
            while (i < text.Length && !char.IsAsciiDigit(text[i]) && text[i] != '.')
            {
                i++;
            }

            var perUnit = UnitNanoseconds(text[unitStart..i]);
            if (perUnit == 0)
            {
                return false;
            }

            var limit = TimeSpan.MaxValue.Ticks * 100m;
            if (amount > limit / perUnit)
            {
                return false;
            }

            nanoseconds += amount * perUnit;
            if (nanoseconds > limit)
            {
                return false;
            }
        }

        value = TimeSpan.FromTicks((long)decimal.Truncate(nanoseconds / 100m));
        return true;
    }

    /// <summary>Formats as Istio writes durations: <c>2h</c>, <c>1m</c>, <c>7s</c>, <c>500ms</c>, <c>1.5s</c>, <c>10us</c>.</summary>
    /// <param name="value">A non-negative duration.</param>
    public static string Format(TimeSpan value)
    {
        var ticks = value.Ticks;
        var invariant = CultureInfo.InvariantCulture;
        if (ticks == 0)
        {
            return "0s";
        }

        if (ticks % TimeSpan.TicksPerHour == 0)
        {
            return (ticks / TimeSpan.TicksPerHour).ToString(invariant) + "h";
        }

        if (ticks % TimeSpan.TicksPerMinute == 0)
        {
            return (ticks / TimeSpan.TicksPerMinute).ToString(invariant) + "m";
        }

        if (ticks % TimeSpan.TicksPerSecond == 0)
        {
            return (ticks / TimeSpan.TicksPerSecond).ToString(invariant) + "s";
        }

        if (ticks % TimeSpan.TicksPerMillisecond == 0)
        {
            return ticks < TimeSpan.TicksPerSecond
                ? (ticks / TimeSpan.TicksPerMillisecond).ToString(invariant) + "ms"
                : (ticks / (decimal)TimeSpan.TicksPerSecond).ToString(invariant) + "s";
        }

        return ticks % TimeSpan.TicksPerMicrosecond == 0
            ? (ticks / TimeSpan.TicksPerMicrosecond).ToString(invariant) + "us"
            : (ticks * 100).ToString(invariant) + "ns";
    }

    private static decimal UnitNanoseconds(string unit) => unit switch
    {
        "h" => 3_600_000_000_000m,
        "m" => 60_000_000_000m,
        "s" => 1_000_000_000m,
        "ms" => 1_000_000m,
        "us" or "µs" or "μs" => 1_000m,
        "ns" => 1m,
        _ => 0m,
    };
}
