using OrleansMesh.Networking;

namespace OrleansMesh.Gateway.Routing;

/// <summary>Istio's <c>redirect</c>: answers with a Location built from the request and the rule.</summary>
internal sealed class RedirectAction(HttpRedirect redirect) : RouteAction
{
    public int StatusCode { get; } = redirect.RedirectCode;

    public string Location(HttpRequest request)
    {
        var scheme = redirect.Scheme ?? request.Scheme;
        var host = redirect.Authority ?? request.Host.Host;

        // As Envoy: without a new authority the request's port is kept, unless the scheme changes and the port was
        // the old scheme's default.
        int? port = redirect.Port is { } p ? (int)p
            : redirect.DerivePort == "FROM_REQUEST_PORT" ? request.HttpContext.Connection.LocalPort
            : redirect.Authority is null && !IsDefaultPort(request.Scheme, request.Host.Port) ? request.Host.Port
            : null;
        var path = redirect.Uri ?? request.PathBase.Add(request.Path).Value ?? "/";
        var query = redirect.Uri is not null && redirect.Uri.Contains('?', StringComparison.Ordinal) ? "" : request.QueryString.Value;
        return port is null || IsDefaultPort(scheme, port) ? $"{scheme}://{host}{path}{query}" : $"{scheme}://{host}:{port}{path}{query}";
    }

    private static bool IsDefaultPort(string scheme, int? port)
        => port is null || (scheme == "http" && port == 80) || (scheme == "https" && port == 443);
}
