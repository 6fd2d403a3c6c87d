namespace OrleansMesh.Samples.ModelServer.Generation;

/// <summary>The fake tokenizer: one token per whitespace-separated word. Cheap, deterministic and easy to assert on.</summary>
internal static class WordCounter
{
    public static int Count(ReadOnlySpan<char> text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var isSpace = char.IsWhiteSpace(c);
            if (!isSpace && !inWord)
            {
                count++;
            }

            inWord = !isSpace;
        }

        return count;
    }

    public static int Count(IEnumerable<string?> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var count = 0;
        foreach (var text in texts)
        {
            count += Count(text.AsSpan());
        }

        return count;
    }
}
