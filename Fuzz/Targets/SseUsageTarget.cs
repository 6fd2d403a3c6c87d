using OrleansMesh.Gateway.Inference;

namespace OrleansMesh.Fuzz.Targets;

/// <summary>
/// <see cref="SseUsageScanner"/> on any response stream, written whole and in pieces whose sizes come from the input's
/// first byte: the same usage and model whatever the write boundaries (lines are shorter than
/// <see cref="SseUsageScanner.MaxLineBytes"/> here), and token counts are never negative.
/// </summary>
internal sealed class SseUsageTarget : IFuzzTarget
{
    public string Name => "sse-usage";

    public void Run(ReadOnlySpan<byte> input)
    {
        if (input.IsEmpty)
        {
            return;
        }

        var seed = input[0];
        var stream = input[1..];
        var whole = new SseUsageScanner();
        whole.Observe(stream);
        var pieces = new SseUsageScanner();
        var random = new Random(seed);
        for (var at = 0; at < stream.Length;)
        {
            var length = Math.Min(stream.Length - at, random.Next(1, 2 + (seed % 32)));
            pieces.Observe(stream.Slice(at, length));
            at += length;
        }

        FuzzPropertyException.Check(whole.Usage == pieces.Usage, $"usage {whole.Usage} whole but {pieces.Usage} in pieces (seed {seed})");
        FuzzPropertyException.Check(whole.Model == pieces.Model, $"model '{whole.Model}' whole but '{pieces.Model}' in pieces (seed {seed})");
        FuzzPropertyException.Check(whole.Usage is null or { InputTokens: >= 0, OutputTokens: >= 0 }, $"negative usage {whole.Usage}");
    }
}
