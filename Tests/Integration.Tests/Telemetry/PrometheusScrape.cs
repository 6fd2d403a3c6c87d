using System.Globalization;

namespace OrleansMesh.Integration.Tests.Telemetry;

/// <summary>Prometheus' text exposition format, parsed into samples: name, labels, value.</summary>
internal sealed class PrometheusScrape
{
    private PrometheusScrape(string text, IReadOnlyList<PrometheusSample> samples)
    {
        Text = text;
        Samples = samples;
    }

    public string Text { get; }

    public IReadOnlyList<PrometheusSample> Samples { get; }

    /// <summary>The samples of <paramref name="name"/> whose labels include every one of <paramref name="labels"/>.</summary>
    public IEnumerable<PrometheusSample> Find(string name, params (string Name, string Value)[] labels) =>
        Samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Name, out var v) && v == l.Value));

    /// <summary>The type a <c># TYPE</c> line gives <paramref name="name"/>, or null.</summary>
    public string? TypeOf(string name) =>
        Text.Split('\n').FirstOrDefault(l => l.StartsWith($"# TYPE {name} ", StringComparison.Ordinal))?.Split(' ')[3];

    public static PrometheusScrape Parse(string text)
    {
        var samples = new List<PrometheusSample>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            samples.Add(ParseSample(line));
        }

        return new PrometheusScrape(text, samples);
    }

    private static PrometheusSample ParseSample(string line)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var brace = line.IndexOf('{', StringComparison.Ordinal);
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        if (brace < 0 || brace > space)
        {
            return new PrometheusSample(line[..space], labels, Value(line[(space + 1)..]));
        }

        var name = line[..brace];
        var i = brace + 1;
        while (line[i] != '}')
        {
            var eq = line.IndexOf('=', i);
            var label = line[i..eq];
            i = eq + 2;
            var value = new System.Text.StringBuilder();
            while (line[i] != '"')
            {
                if (line[i] == '\\')
                {
                    i++;
                }

                value.Append(line[i++]);
            }

            labels[label] = value.ToString();
            i++;
            if (line[i] == ',')
            {
                i++;
            }
        }

        return new PrometheusSample(name, labels, Value(line[(i + 2)..]));
    }

    // A sample line may end with a timestamp after the value.
    private static double Value(string text) => double.Parse(text.Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture);
}
