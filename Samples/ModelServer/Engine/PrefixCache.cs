namespace OrleansMesh.Samples.ModelServer.Engine;

/// <summary>
/// The prefix cache: block hashes of prompts already computed, least recently used evicted first once more than the
/// capacity are held. Not thread-safe: <see cref="SimulatedEngine"/> calls it under its lock.
/// </summary>
internal sealed class PrefixCache(int capacity)
{
    private readonly LinkedList<ulong> order = new();
    private readonly Dictionary<ulong, LinkedListNode<ulong>> blocks = [];

    public int Count => blocks.Count;

    /// <summary>How many leading blocks of the prompt are cached; a miss ends the prefix, as the hashes are chained.</summary>
    public int CachedPrefix(IReadOnlyList<ulong> prompt)
    {
        var hits = 0;
        while (hits < prompt.Count && blocks.ContainsKey(prompt[hits]))
        {
            hits++;
        }

        return hits;
    }

    /// <summary>Marks every block of the prompt as just used, adding the missing ones and evicting the oldest.</summary>
    public void Touch(IReadOnlyList<ulong> prompt)
    {
        foreach (var block in prompt)
        {
            if (blocks.TryGetValue(block, out var node))
            {
                order.Remove(node);
                order.AddFirst(node);
            }
            else
            {
                blocks[block] = order.AddFirst(block);
            }
        }

        while (blocks.Count > capacity)
        {
            var oldest = order.Last!;
            order.RemoveLast();
            blocks.Remove(oldest.Value);
        }
    }
}
