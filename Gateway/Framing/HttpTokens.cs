using System.Buffers;

namespace OrleansMesh.Gateway.Framing;

/// <summary>The character classes of RFC 9110 §5.6 that HTTP/1.1 framing is checked against.</summary>
internal static class HttpTokens
{
    /// <summary><c>tchar</c>: what a method and a field name are made of.</summary>
    public static readonly SearchValues<byte> TokenChars = SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"u8);

    /// <summary>Bytes a field value may not contain: controls other than HTAB, and DEL (obs-text is allowed).</summary>
    public static readonly SearchValues<byte> FieldValueForbidden = SearchValues.Create(Controls(includeTab: false));

    /// <summary>Bytes a request target may not contain: controls, space, DEL and anything outside ASCII.</summary>
    public static readonly SearchValues<byte> TargetForbidden = SearchValues.Create([.. Controls(includeTab: true), (byte)' ', .. Range(0x80, 0x100)]);

    public static readonly SearchValues<byte> Digits = SearchValues.Create("0123456789"u8);

    public static bool IsToken(ReadOnlySpan<byte> value) => value.Length > 0 && !value.ContainsAnyExcept(TokenChars);

    public static bool IsDigits(ReadOnlySpan<byte> value) => value.Length > 0 && !value.ContainsAnyExcept(Digits);

    public static bool IsToken(byte value) => TokenChars.Contains(value);

    public static bool IsControl(byte value) => value is < 0x20 and not (byte)'\t' or 0x7F;

    public static int HexValue(byte value) => value switch
    {
        >= (byte)'0' and <= (byte)'9' => value - '0',
        >= (byte)'a' and <= (byte)'f' => value - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => value - 'A' + 10,
        _ => -1,
    };

    private static byte[] Controls(bool includeTab) =>
        [.. Range(0, 0x20).Where(b => includeTab || b != '\t'), 0x7F];

    private static IEnumerable<byte> Range(int from, int to) => Enumerable.Range(from, to - from).Select(b => (byte)b);
}
