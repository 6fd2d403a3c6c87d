namespace OrleansMesh.Cli.Output;

/// <summary>Writes a <see cref="ServiceDescription"/> as <c>kubectl describe</c> does: aligned fields, then tables.</summary>
internal static class ServiceDescriptionWriter
{
    private const string None = "<none>";

    public static void Write(TextWriter output, ServiceDescription service)
    {
        var fields = new (string Name, string Value)[]
        {
            ("Host:", service.Host),
            ("Config generation:", service.Generation.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("VirtualServices:", List(service.VirtualServices)),
            ("DestinationRule:", service.DestinationRule ?? None),
            ("Ports:", List(service.Ports)),
            ("Breaker:", Breaker(service.Breaker)),
        };
        var width = fields.Max(f => f.Name.Length) + 2;
        foreach (var (name, value) in fields)
        {
            output.WriteLine(name.PadRight(width) + value);
        }

        output.WriteLine("Subsets:");
        if (service.Subsets.Count == 0)
        {
            output.WriteLine("  " + None);
        }
        else
        {
            Indented(output, ["NAME", "LABELS", "ENDPOINTS", "BREAKER"], [.. service.Subsets.Select(s => (IReadOnlyList<string>)[s.Name, Labels(s.Labels), List(s.Endpoints), Breaker(s.Breaker)])]);
        }

        output.WriteLine("Endpoints:");
        if (service.Endpoints.Count == 0)
        {
            output.WriteLine("  " + None);
        }
        else
        {
            Indented(output, ["ADDRESS", "LABELS"], [.. service.Endpoints.Select(e => (IReadOnlyList<string>)[e.Address, Labels(e.Labels)])]);
        }
    }

    private static void Indented(TextWriter output, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        using var table = new StringWriter();
        TableWriter.Write(table, headers, rows);
        foreach (var line in table.ToString().ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            output.WriteLine("  " + line);
        }
    }

    private static string Breaker(BreakerView breaker) =>
        breaker.Ejected.Count == 0 ? breaker.StateText : $"{breaker.StateText}, ejected: {string.Join(",", breaker.Ejected)}";

    private static string List(IReadOnlyList<string> items) => items.Count == 0 ? None : string.Join(", ", items);

    private static string Labels(IReadOnlyDictionary<string, string> labels) =>
        labels.Count == 0 ? None : string.Join(",", labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));
}
