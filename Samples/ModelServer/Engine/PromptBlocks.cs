using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace OrleansMesh.Samples.ModelServer.Engine;

/// <summary>
/// Cuts a prompt into blocks of N tokens (words, as <see cref="Generation.WordCounter"/> counts them) and hashes each
/// block chained to the one before, as vLLM's prefix cache does: two prompts share block i only if they share every
/// token up to the end of block i. A trailing partial block is not cached, as in vLLM.
/// </summary>
internal static class PromptBlocks
{
    public static ulong[] Hash(IEnumerable<string?> texts, int blockTokens)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentOutOfRangeException.ThrowIfLessThan(blockTokens, 1);
        var blocks = new List<ulong>();
        var hash = new XxHash64();
        ulong previous = 0;
        var inBlock = 0;
        foreach (var text in texts)
        {
            foreach (var word in (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                if (inBlock == 0)
                {
                    hash.Reset();
                    hash.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<ulong>(in previous)));
                }

                hash.Append(MemoryMarshal.AsBytes(word.AsSpan()));
                hash.Append(" "u8);
                if (++inBlock == blockTokens)
                {
                    previous = hash.GetCurrentHashAsUInt64();
                    blocks.Add(previous);
                    inBlock = 0;
                }
            }
        }

        return [.. blocks];
    }
}
