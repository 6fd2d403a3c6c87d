using OrleansMesh.Resilience;

namespace OrleansMesh.Cli.Commands;

/// <summary>A destination as operators write it, <c>host</c> or <c>host/subset</c>, and its health grain's key.</summary>
internal static class DestinationArgument
{
    public static (string Host, string? Subset, string Key) Parse(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var (host, subset) = slash < 0 ? (text, null) : (text[..slash], text[(slash + 1)..]);
        if (host.Length == 0 || subset is { Length: 0 } || host.Contains(DestinationKey.Separator, StringComparison.Ordinal) || subset?.Contains(DestinationKey.Separator, StringComparison.Ordinal) == true)
        {
            throw new MeshCtlException(ExitCodes.ConfigError, $"'{text}' is not a destination; write HOST or HOST/SUBSET, e.g. reviews/v2");
        }

        return (host, subset, DestinationKey.Of(host, subset));
    }
}
