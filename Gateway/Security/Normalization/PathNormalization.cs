using Microsoft.AspNetCore.Http.Features;
using OrleansMesh.Gateway.Model;

namespace OrleansMesh.Gateway.Security.Normalization;

/// <summary>
/// Replaces the request path by <see cref="PathNormalizer"/>'s normalisation of the raw target before routing and
/// authorization; 400 when it cannot. Kestrel decodes and removes dot segments itself but leaves <c>//</c>, and keeps
/// <c>%2F</c> encoded, so the raw target is normalised rather than Kestrel's path.
/// </summary>
internal static class PathNormalization
{
    /// <summary>Null when the request may go on (its path normalised).</summary>
    public static Rejection? Normalize(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw) || raw == "*" || HttpMethods.IsConnect(context.Request.Method) || PathNormalizer.IsNormal(raw))
        {
            return null;
        }

        var normalized = PathNormalizer.Normalize(raw, out var error);
        if (normalized is null)
        {
            return SecurityRejections.InvalidPath(error!);
        }

        context.Request.Path = PathString.FromUriComponent(normalized);
        return null;
    }
}
