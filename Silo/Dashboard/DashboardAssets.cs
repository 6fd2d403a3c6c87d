using System.Collections.Frozen;
using System.Security.Cryptography;

namespace OrleansMesh.Silo.Dashboard;

/// <summary>
/// The page, its script and its style, embedded in the Silo assembly (<c>Dashboard/Assets/</c>) and served with an
/// ETag: nothing is fetched from anywhere else, so the dashboard works without internet.
/// </summary>
internal sealed class DashboardAssets
{
    private const string Prefix = "dashboard/";

    private static readonly FrozenDictionary<string, string> s_types = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
    }.ToFrozenDictionary();

    private readonly FrozenDictionary<string, Asset> _assets;

    public DashboardAssets()
    {
        var assembly = typeof(DashboardAssets).Assembly;
        _assets = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .ToFrozenDictionary(n => n[Prefix.Length..], n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                var bytes = copy.ToArray();
                return new Asset(bytes, s_types.GetValueOrDefault(Path.GetExtension(n), "application/octet-stream"), $"\"{Convert.ToHexString(SHA256.HashData(bytes))[..16]}\"");
            }, StringComparer.Ordinal);
    }

    public IEnumerable<string> Names => _assets.Keys;

    /// <summary>Answers <paramref name="name"/> (e.g. <c>dashboard.js</c>); false when there is no such asset.</summary>
    public async Task<bool> TryServeAsync(HttpContext context, string name)
    {
        if (!_assets.TryGetValue(name, out var asset))
        {
            return false;
        }

        var response = context.Response;
        response.Headers.ETag = asset.ETag;
        response.Headers.CacheControl = "no-cache";
        if (context.Request.Headers.IfNoneMatch == asset.ETag)
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return true;
        }

        response.ContentType = asset.ContentType;
        response.ContentLength = asset.Bytes.Length;
        await response.Body.WriteAsync(asset.Bytes, context.RequestAborted);
        return true;
    }

    private sealed record Asset(byte[] Bytes, string ContentType, string ETag);
}
