using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using OrleansMesh.Grains.Inference;

namespace OrleansMesh.Fuzz.Targets;

/// <summary>
/// <see cref="PrometheusTextParser"/> on any text: never throws; keeps only wanted names; a failure has a line number
/// and keeps nothing; what it accepts, written back in the text format, parses to the same samples (so nothing is
/// half-read or read differently from how it is written).
/// </summary>
internal sealed class PrometheusTextTarget : IFuzzTarget
{
    private static readonly FrozenSet<string> Wanted = FrozenSet.Create(
        StringComparer.Ordinal, "vllm:num_requests_waiting", "vllm:num_requests_running", "vllm:kv_cache_usage_perc", "vllm:lora_requests_info", "a");

    public string Name => "prometheus-text";

    public void Run(ReadOnlySpan<byte> input)
    {
        var text = Encoding.UTF8.GetString(input);
        if (!PrometheusTextParser.TryParse(text, Wanted, out var samples, out var error))
        {
            FuzzPropertyException.Check(samples.Count == 0, "a failed parse kept samples");
            FuzzPropertyException.Check(error is not null && error.StartsWith("line ", StringComparison.Ordinal), $"error without a line: {error}");
            return;
        }

        FuzzPropertyException.Check(samples.All(s => Wanted.Contains(s.Name)), "kept an unwanted metric");
        var written = Write(samples);
        FuzzPropertyException.Check(PrometheusTextParser.TryParse(written, Wanted, out var again, out var againError), $"its own output failed: {againError}");
        FuzzPropertyException.Check(again.Count == samples.Count, "written back, the sample count changed");
        for (var i = 0; i < samples.Count; i++)
        {
            FuzzPropertyException.Check(
                again[i].Name == samples[i].Name && again[i].Labels.SequenceEqual(samples[i].Labels)
                && BitConverter.DoubleToInt64Bits(again[i].Value) == BitConverter.DoubleToInt64Bits(samples[i].Value),
                $"sample {i} read back differently");
        }
    }

    private static string Write(IReadOnlyList<PrometheusSample> samples)
    {
        var text = new StringBuilder();
        foreach (var sample in samples)
        {
            text.Append(sample.Name).Append('{');
            text.AppendJoin(',', sample.Labels.Select(l => $"{l.Key}=\"{l.Value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)}\""));
            text.Append("} ").Append(sample.Value switch
            {
                double.PositiveInfinity => "+Inf",
                double.NegativeInfinity => "-Inf",
                var v => v.ToString("R", CultureInfo.InvariantCulture),
            }).Append('\n');
        }

        return text.ToString();
    }
}
