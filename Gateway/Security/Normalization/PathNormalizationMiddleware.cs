using Microsoft.AspNetCore.Http.Features;

namespace OrleansMesh.Gateway.Security.Normalization;

/// <summary>
/// Replaces the request path by <see cref="PathNormalizer"/>'s normalisation of the raw target before routing and
/// authorization; 400 when it cannot. Kestrel decodes and removes dot segments itself but leaves <c>//</c>, and keeps
/// <c>%2F</c> encoded, so the raw target is normalised rather than Kestrel's path.
/// </summary>
internal sealed class PathNormalizationMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw) || raw == "*" || HttpMethods.IsConnect(context.Request.Method) || PathNormalizer.IsNormal(raw))
        {
            return next(context);
        }

        var normalized = PathNormalizer.Normalize(raw, out var error);
        if (normalized is null)
        {
            return SecurityResponses.BadRequestAsync(context, "invalid_path", $"the request path cannot be normalised: {error}");
        }

        context.Request.Path = PathString.FromUriComponent(normalized);
        return next(context);
    }
}
