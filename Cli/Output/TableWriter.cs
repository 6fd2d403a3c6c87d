namespace OrleansMesh.Cli.Output;

/// <summary>Writes rows as kubectl does: upper-case headers, left-aligned columns three spaces apart.</summary>
internal static class TableWriter
{
    private const string Gap = "   ";

    public static void Write(TextWriter output, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var widths = headers.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        WriteRow(output, headers, widths);
        foreach (var row in rows)
        {
            WriteRow(output, row, widths);
        }
    }

    private static void WriteRow(TextWriter output, IReadOnlyList<string> cells, int[] widths)
    {
        // The last column is not padded, so lines carry no trailing spaces.
        var line = string.Join(Gap, cells.Select((c, i) => i == cells.Count - 1 ? c : c.PadRight(widths[i])));
        output.WriteLine(line);
    }
}
