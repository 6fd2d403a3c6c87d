namespace OrleansMesh.Samples.ModelServer.Embeddings;

/// <summary>
/// A unit-length vector derived only from the text: the same text always embeds the same, different texts almost
/// never do, so clients can test caching and similarity plumbing without a model.
/// </summary>
internal static class EmbeddingGenerator
{
    public static float[] Generate(string text, int dimensions)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        var state = Fnv1a(text);
        var vector = new float[dimensions];
        var sumOfSquares = 0.0;
        for (var i = 0; i < dimensions; i++)
        {
            // Top 53 bits of SplitMix64 as a double in [0, 1), then spread over [-1, 1).
            var unit = (SplitMix64(ref state) >> 11) * (1.0 / (1UL << 53));
            var component = (unit * 2) - 1;
            vector[i] = (float)component;
            sumOfSquares += component * component;
        }

        var norm = Math.Sqrt(sumOfSquares);
        if (norm > 0)
        {
            for (var i = 0; i < dimensions; i++)
            {
                vector[i] = (float)(vector[i] / norm);
            }
        }

        return vector;
    }

    private static ulong Fnv1a(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    private static ulong SplitMix64(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
