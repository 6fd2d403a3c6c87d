namespace OrleansMesh.Resilience;

/// <summary>Names a destination (service host plus optional subset): the key of its health grain.</summary>
public static class DestinationKey
{
    /// <summary>Separates host and subset; a character neither may contain.</summary>
    public const char Separator = '|';

    /// <summary>The key of <paramref name="host"/>'s <paramref name="subset"/>, or of the whole service when there is none.</summary>
    public static string Of(string host, string? subset)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        return string.IsNullOrEmpty(subset) ? host : string.Concat(host, "|", subset);
    }
}
