namespace OrleansMesh.Configuration;

/// <summary>"Did you mean" hints: the closest candidate within a small edit distance.</summary>
internal static class Suggestions
{
    public const int MaxDistance = 2;

    public static string? Closest(string input, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = string.Equals(input, candidate, StringComparison.OrdinalIgnoreCase) ? 0 : Distance(input, candidate);
            if (distance <= MaxDistance && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>The message for a key no field has: a close name if there is one, else the valid names.</summary>
    public static string UnknownField(string key, IEnumerable<string> valid)
    {
        if (key == "<<")
        {
            return "YAML merge keys (<<) are not supported";
        }

        var names = valid.ToList();
        return Closest(key, names) is { } close
            ? $"unknown field '{key}'; did you mean '{close}'?"
            : $"unknown field '{key}'; valid fields: {string.Join(", ", names)}";
    }

    /// <summary>Levenshtein distance; inputs are field names, short enough for the plain table.</summary>
    public static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > MaxDistance || a.Length > 256 || b.Length > 256)
        {
            return int.MaxValue;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
