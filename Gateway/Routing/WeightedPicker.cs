namespace OrleansMesh.Gateway.Routing;

/// <summary>Istio's weighted pick: P(i) = w(i) / Σw, from a roll in [0, Σw).</summary>
internal static class WeightedPicker
{
    /// <summary>Running totals of <paramref name="weights"/>.</summary>
    public static int[] Cumulative(IEnumerable<int> weights)
    {
        var total = 0;
        return [.. weights.Select(w => total += Math.Max(0, w))];
    }

    /// <summary>The index whose share contains <paramref name="roll"/>; zero-weight entries are never picked.</summary>
    public static int Pick(ReadOnlySpan<int> cumulative, int roll)
    {
        for (var i = 0; i < cumulative.Length; i++)
        {
            if (roll < cumulative[i])
            {
                return i;
            }
        }

        return cumulative.Length - 1;
    }
}
