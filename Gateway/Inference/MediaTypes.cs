namespace OrleansMesh.Gateway.Inference;

/// <summary>Content-Type checks without parsing into objects.</summary>
internal static class MediaTypes
{
    /// <summary><c>application/json</c> or <c>application/*+json</c>, with any parameters.</summary>
    public static bool IsJson(string? contentType)
    {
        if (contentType is null)
        {
            return false;
        }

        var span = contentType.AsSpan();
        var semicolon = span.IndexOf(';');
        var media = (semicolon < 0 ? span : span[..semicolon]).Trim();
        return media.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (media.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && media.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }
}
