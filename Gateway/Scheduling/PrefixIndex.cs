using System.Numerics;

namespace OrleansMesh.Gateway.Scheduling;

/// <summary>
/// Which endpoint each prompt block was last sent to, in a fixed array read and written without locks from the request
/// path: a slot holds the block hash's high bits and the endpoint's number, and a newer block simply takes the slot of
/// an older one (the most recent sends are the ones a server still has cached). A lost race loses a hint, never more.
/// </summary>
internal sealed class PrefixIndex
{
    private const int EndpointBits = 16;
    private const long EndpointMask = (1L << EndpointBits) - 1;
    private readonly long[] _slots;
    private readonly int _mask;

    public PrefixIndex(int size)
    {
        var slots = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(2, size));
        _slots = new long[slots];
        _mask = slots - 1;
    }

    /// <summary>Records that <paramref name="block"/> went to endpoint number <paramref name="endpoint"/> (0..65534).</summary>
    public void Record(ulong block, int endpoint) =>
        Volatile.Write(ref _slots[(int)block & _mask], Tag(block) | ((endpoint + 1L) & EndpointMask));

    /// <summary>The endpoint number <paramref name="block"/> was last sent to, or -1.</summary>
    public int Find(ulong block)
    {
        var slot = Volatile.Read(ref _slots[(int)block & _mask]);
        return slot != 0 && (slot & ~EndpointMask) == Tag(block) ? (int)(slot & EndpointMask) - 1 : -1;
    }

    private static long Tag(ulong block) => (long)(block & ~(ulong)EndpointMask);
}
