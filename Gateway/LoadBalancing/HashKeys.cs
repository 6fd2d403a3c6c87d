using System.IO.Hashing;
using System.Text;

namespace OrleansMesh.Gateway.LoadBalancing;

/// <summary>The hash function of consistent hashing: xxHash64 as Envoy's default, over UTF-8 text.</summary>
internal static class HashKeys
{
    private const int StackLimit = 256;

    public static ulong Hash(ReadOnlySpan<char> text, long seed = 0)
    {
        var length = Encoding.UTF8.GetMaxByteCount(text.Length);
        var buffer = length <= StackLimit ? stackalloc byte[StackLimit] : new byte[length];
        var written = Encoding.UTF8.GetBytes(text, buffer);
        return XxHash64.HashToUInt64(buffer[..written], seed);
    }

    public static ulong Hash(ReadOnlySpan<byte> bytes) => XxHash64.HashToUInt64(bytes);

    /// <summary>
    /// An endpoint's identity on the ring, <c>address:port</c> as Envoy hashes hosts: the same addresses give the same
    /// ring on every gateway and in every snapshot.
    /// </summary>
    public static string EndpointKey(string address, uint port)
        => address.Contains(':', StringComparison.Ordinal) ? $"[{address}]:{port}" : $"{address}:{port}";
}
