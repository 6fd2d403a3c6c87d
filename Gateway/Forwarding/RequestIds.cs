using System.Security.Cryptography;

namespace OrleansMesh.Gateway.Forwarding;

/// <summary>
/// The <c>x-request-id</c> the gateway gives a request that came without one: a random (version 4) UUID, as Envoy makes.
/// Random bytes are drawn for 32 ids at a time per thread: <see cref="Guid.NewGuid"/> reads 16 bytes from the kernel
/// on every call, a system call per request on Linux.
/// </summary>
internal static class RequestIds
{
    private const int IdBytes = 16;
    private const int IdsPerDraw = 32;

    [ThreadStatic]
    private static byte[]? t_random;

    [ThreadStatic]
    private static int t_next;

    /// <summary>A new id in the form <c>xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx</c>.</summary>
    public static string Next()
    {
        var random = t_random ??= new byte[IdBytes * IdsPerDraw];
        var next = t_next;
        if (next == 0)
        {
            RandomNumberGenerator.Fill(random);
        }

        t_next = (next + 1) % IdsPerDraw;
        Span<byte> id = random.AsSpan(next * IdBytes, IdBytes);

        // The version and variant bits of RFC 9562 where Guid keeps them (its fields are little-endian), as NewGuid sets them.
        id[7] = (byte)((id[7] & 0x0F) | 0x40);
        id[8] = (byte)((id[8] & 0x3F) | 0x80);
        return new Guid(id).ToString();
    }
}
