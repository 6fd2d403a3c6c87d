using OrleansMesh.Gateway.Inference;

namespace OrleansMesh.Fuzz.Targets;

/// <summary>
/// <see cref="JsonUsageScanner"/> on any response body, written in pieces whose sizes come from the input's first
/// byte: never throws, never reports negative token counts, and a body that fits its window and is written whole or in
/// two pieces with the usage object in the second gives the same usage as the whole.
/// </summary>
internal sealed class JsonUsageTarget : IFuzzTarget
{
    public string Name => "json-usage";

    public void Run(ReadOnlySpan<byte> input)
    {
        if (input.IsEmpty)
        {
            return;
        }

        var seed = input[0];
        var body = input[1..];
        var whole = new JsonUsageScanner();
        whole.Observe(body);
        whole.Release();
        var pieces = new JsonUsageScanner();
        var random = new Random(seed);
        for (var at = 0; at < body.Length;)
        {
            var length = Math.Min(body.Length - at, random.Next(1, 2 + (seed % 64)));
            pieces.Observe(body.Slice(at, length));
            at += length;
        }

        pieces.Release();
        FuzzPropertyException.Check(whole.Usage is null or { InputTokens: >= 0, OutputTokens: >= 0 }, $"negative usage {whole.Usage}");
        FuzzPropertyException.Check(pieces.Usage is null or { InputTokens: >= 0, OutputTokens: >= 0 }, $"negative usage {pieces.Usage}");

        // The last write is scanned together with what came before it in the window: the last usage is found again.
        if (body.Length <= JsonUsageScanner.WindowBytes && whole.Usage is { } expected && body.Length > 1)
        {
            var two = new JsonUsageScanner();
            two.Observe(body[..1]);
            two.Observe(body[1..]);
            two.Release();
            FuzzPropertyException.Check(two.Usage == expected, $"usage {expected} whole but {two.Usage} after one byte first");
        }
    }
}
