using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace OrleansMesh.Grains.Inference;

/// <summary>
/// Reads the samples a picker needs from a model server's <c>/metrics</c> (Prometheus text format 0.0.4, and the
/// OpenMetrics text a vLLM may serve): <c>name{label="value",...} value [timestamp]</c> lines, comments and blank lines
/// skipped. Only samples whose name is wanted are parsed and kept; a line of another metric is skipped after its name,
/// so an exporter's unusual line elsewhere (exemplars, a histogram) never fails the scrape. A malformed wanted line
/// fails the whole parse with its line number: half a scrape would be read as "zero requests waiting". Never throws.
/// </summary>
internal static class PrometheusTextParser
{
    /// <summary>Labels kept per sample; more is a malformed or hostile exporter, not vLLM.</summary>
    public const int MaxLabels = 64;

    /// <summary>Samples kept per parse, across all wanted names.</summary>
    public const int MaxSamples = 4096;

    public static bool TryParse(
        string text, FrozenSet<string> wanted, out IReadOnlyList<PrometheusSample> samples, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(wanted);
        var kept = new List<PrometheusSample>();
        samples = kept;
        var lookup = wanted.GetAlternateLookup<ReadOnlySpan<char>>();
        var lineNumber = 0;
        foreach (var range in text.AsSpan().Split('\n'))
        {
            lineNumber++;
            var line = text.AsSpan()[range].TrimEnd('\r');
            var start = line.TrimStart(" \t");
            if (start.IsEmpty || start[0] == '#')
            {
                continue;
            }

            var nameLength = NameLength(start);
            if (nameLength == 0)
            {
                return Fail(lineNumber, "expected a metric name", out samples, out error);
            }

            // Wanted names are few; a lookup by span avoids allocating a string per skipped line.
            var name = start[..nameLength];
            if (!lookup.TryGetValue(name, out var wantedName))
            {
                continue;
            }

            if (kept.Count >= MaxSamples)
            {
                return Fail(lineNumber, $"more than {MaxSamples} samples of the wanted metrics", out samples, out error);
            }

            if (ParseSample(wantedName, start[nameLength..]) is not { } parsed)
            {
                return Fail(lineNumber, $"malformed sample of {wantedName} (expected name{{label=\"value\",...}} value [timestamp])", out samples, out error);
            }

            kept.Add(parsed);
        }

        error = null;
        return true;
    }

    private static PrometheusSample? ParseSample(string name, ReadOnlySpan<char> rest)
    {
        var labels = new List<KeyValuePair<string, string>>();
        var afterName = rest.TrimStart(" \t");
        if (!afterName.IsEmpty && afterName[0] == '{')
        {
            rest = afterName[1..];
            if (!ParseLabels(ref rest, labels))
            {
                return null;
            }
        }
        else if (afterName.Length == rest.Length)
        {
            // Without labels the value must be set apart from the name ("a-1" is not "a" with value -1).
            return null;
        }

        rest = rest.Trim(" \t");
        var end = rest.IndexOfAny(' ', '\t');
        var valueText = end < 0 ? rest : rest[..end];
        if (end >= 0)
        {
            // An optional timestamp (integer milliseconds, or OpenMetrics' float seconds), and nothing after it.
            var timestamp = rest[end..].Trim(" \t");
            if (timestamp.IsEmpty || timestamp.ContainsAny(' ', '\t') || !double.TryParse(timestamp, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                return null;
            }
        }

        return TryParseValue(valueText, out var value) ? new PrometheusSample(name, labels, value) : null;
    }

    private static bool ParseLabels(ref ReadOnlySpan<char> rest, List<KeyValuePair<string, string>> labels)
    {
        while (true)
        {
            rest = rest.TrimStart(" \t");
            if (!rest.IsEmpty && rest[0] == '}')
            {
                rest = rest[1..];
                return true;
            }

            var nameLength = NameLength(rest);
            if (nameLength == 0 || labels.Count >= MaxLabels)
            {
                return false;
            }

            var labelName = rest[..nameLength].ToString();
            rest = rest[nameLength..].TrimStart(" \t");
            if (rest.IsEmpty || rest[0] != '=')
            {
                return false;
            }

            rest = rest[1..].TrimStart(" \t");
            if (rest.IsEmpty || rest[0] != '"')
            {
                return false;
            }

            rest = rest[1..];
            if (ReadQuoted(ref rest) is not { } value)
            {
                return false;
            }

            labels.Add(new(labelName, value));
            rest = rest.TrimStart(" \t");
            if (!rest.IsEmpty && rest[0] == ',')
            {
                rest = rest[1..];
            }
            else if (rest.IsEmpty || rest[0] != '}')
            {
                return false;
            }
        }
    }

    // After the opening quote; leaves rest after the closing one. Escapes: \\ \" \n, as the format defines.
    private static string? ReadQuoted(ref ReadOnlySpan<char> rest)
    {
        var value = new StringBuilder();
        for (var i = 0; i < rest.Length; i++)
        {
            var c = rest[i];
            if (c == '"')
            {
                rest = rest[(i + 1)..];
                return value.ToString();
            }

            if (c == '\\')
            {
                if (++i == rest.Length)
                {
                    return null;
                }

                switch (rest[i])
                {
                    case 'n':
                        value.Append('\n');
                        break;
                    case '\\' or '"':
                        value.Append(rest[i]);
                        break;
                    default:
                        return null;
                }
            }
            else
            {
                value.Append(c);
            }
        }

        return null;
    }

    private static bool TryParseValue(ReadOnlySpan<char> text, out double value)
    {
        switch (text)
        {
            case "NaN":
                value = double.NaN;
                return true;
            case "+Inf" or "Inf":
                value = double.PositiveInfinity;
                return true;
            case "-Inf":
                value = double.NegativeInfinity;
                return true;
            default:
                // The invariant culture would also read "Infinity" and "∞"; the format has only the spellings above.
                value = 0;
                return text.IndexOfAnyExcept("0123456789+-.eE") < 0
                    && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
    }

    // Metric and label names: [a-zA-Z_:][a-zA-Z0-9_:]*.
    private static int NameLength(ReadOnlySpan<char> text)
    {
        var i = 0;
        while (i < text.Length && (char.IsAsciiLetter(text[i]) || text[i] is '_' or ':' || (i > 0 && char.IsAsciiDigit(text[i]))))
        {
            i++;
        }

        return i;
    }

    private static bool Fail(int line, string message, out IReadOnlyList<PrometheusSample> samples, out string? error)
    {
        samples = [];
        error = FormattableString.Invariant($"line {line}: {message}");
        return false;
    }
}
