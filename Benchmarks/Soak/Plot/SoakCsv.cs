using System.Globalization;

namespace OrleansMesh.Benchmarks.Soak;

/// <summary>Reads the soak's CSV files (a header line, then comma-separated rows) into rows of named fields.</summary>
internal static class SoakCsv
{
    public static List<Dictionary<string, string>> Read(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToList();
        var header = lines[0].Split(',');
        return [.. lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal))];
    }

    public static double Number(this Dictionary<string, string> row, string field) => double.Parse(row[field], CultureInfo.InvariantCulture);
}
