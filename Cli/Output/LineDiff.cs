namespace OrleansMesh.Cli.Output;

/// <summary>A line diff of two texts, written as <c>diff -u</c> without hunk headers: <c>-</c> old, <c>+</c> new, <c>' '</c> both.</summary>
internal static class LineDiff
{
    public static void Write(TextWriter output, string oldName, string oldText, string newName, string newText)
    {
        var a = Lines(oldText);
        var b = Lines(newText);
        output.WriteLine($"--- {oldName}");
        output.WriteLine($"+++ {newName}");

        // Longest common subsequence from the end, so the walk below goes forward. Manifests are small.
        var common = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                common[i, j] = a[i] == b[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                output.WriteLine(" " + a[x++]);
                y++;
            }
            else if (y < b.Length && (x == a.Length || common[x, y + 1] >= common[x + 1, y]))
            {
                output.WriteLine("+" + b[y++]);
            }
            else
            {
                output.WriteLine("-" + a[x++]);
            }
        }
    }

    private static string[] Lines(string text) =>
        text.Length == 0 ? [] : text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
}
