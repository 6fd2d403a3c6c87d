using System.Text;

namespace OrleansMesh.Benchmarks.Inference;

/// <summary>
/// The request mix, the same for every policy (one seed): 40 % base model and 20 % each of three LoRA adapters (two
/// adapter slots per server); 70 % of prompts start with one of six shared 300-word system prompts and go on with a
/// 20-200-word question, 30 % are unique 50-600-word prompts; 16-64 output tokens; all streamed.
/// </summary>
internal static class Workload
{
    private static readonly string[] Models = ["bench-model", "bench-model", "sql", "chat", "code"];

    public static IReadOnlyList<string> Bodies(int seed, int count)
    {
        var random = new Random(seed);
        var prefixes = Enumerable.Range(0, 6).Select(p => Words(random, 300, $"sys{p}")).ToArray();
        var bodies = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var prompt = random.NextDouble() < 0.7
                ? prefixes[random.Next(prefixes.Length)] + " " + Words(random, random.Next(20, 201), $"q{i}")
                : Words(random, random.Next(50, 601), $"u{i}");
            var model = Models[random.Next(Models.Length)];
            bodies.Add($$"""{"model":"{{model}}","stream":true,"max_tokens":{{random.Next(16, 65)}},"messages":[{"role":"user","content":"{{prompt}}"}]}""");
        }

        return bodies;
    }

    /// <summary>The herding mode's mix: the base model, unique 20-60-word prompts, <paramref name="tokens"/> output tokens.</summary>
    public static IReadOnlyList<string> ShortBodies(int seed, int count, int tokens)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(i =>
            $$"""{"model":"bench-model","stream":true,"max_tokens":{{tokens}},"messages":[{"role":"user","content":"{{Words(random, random.Next(20, 61), $"h{i}")}}"}]}""")];
    }

    private static string Words(Random random, int count, string tag)
    {
        var text = new StringBuilder(count * 8);
        for (var i = 0; i < count; i++)
        {
            text.Append(i == 0 ? "" : " ").Append(tag).Append('w').Append(random.Next(5000));
        }

        return text.ToString();
    }
}
