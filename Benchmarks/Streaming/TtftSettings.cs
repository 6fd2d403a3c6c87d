using System.Globalization;

namespace OrleansMesh.Benchmarks.Streaming;

/// <summary>The command line: <c>--direct URL --gateway URL [--host H] [--header name=value] [--requests N] [--warmup N] [--max-tokens N] [--out FILE] [--note TEXT]</c>.</summary>
internal sealed record TtftSettings(Uri Direct, Uri Gateway, string? Host, (string Name, string Value)[] Headers, int Requests, int Warmup, int MaxTokens, string? Output, string? Note)
{
    public static TtftSettings Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var headers = new List<(string, string)>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (args[i] == "--header")
            {
                var parts = args[i + 1].Split('=', 2);
                headers.Add((parts[0], parts.Length > 1 ? parts[1] : ""));
            }
            else
            {
                values[args[i]] = args[i + 1];
            }
        }

        int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        Uri Url(string name) => values.TryGetValue(name, out var v) ? new Uri(v) : throw new ArgumentException($"{name} URL is required");
        return new TtftSettings(
            Url("--direct"),
            Url("--gateway"),
            values.GetValueOrDefault("--host"),
            [.. headers],
            Int("--requests", 500),
            Int("--warmup", 50),
            Int("--max-tokens", 2),
            values.GetValueOrDefault("--out"),
            values.GetValueOrDefault("--note"));
    }
}
