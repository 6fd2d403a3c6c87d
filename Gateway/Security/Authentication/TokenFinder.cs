using OrleansMesh.Gateway.Security.Jwt;

namespace OrleansMesh.Gateway.Security.Authentication;

/// <summary>Finds tokens in a request's headers, query and cookies, and removes them before forwarding.</summary>
internal static class TokenFinder
{
    public static IReadOnlyList<FoundToken> Find(HttpRequest request, IReadOnlyList<JwtLocation> locations)
    {
        List<FoundToken>? found = null;
        foreach (var location in locations)
        {
            foreach (var token in Read(request, location))
            {
                if (token.Length > 0)
                {
                    (found ??= []).Add(new FoundToken(token, location));
                }
            }
        }

        return found ?? (IReadOnlyList<FoundToken>)[];
    }

    /// <summary>Removes the token from where it was (Istio's default, <c>forwardOriginalToken: false</c>).</summary>
    public static void Strip(HttpRequest request, FoundToken token)
    {
        var location = token.Location;
        switch (location.Kind)
        {
            case JwtLocationKind.Header:
                var kept = request.Headers[location.Name].Where(v => v is not null && Extract(v, location.Prefix) != token.Token).ToArray();
                request.Headers[location.Name] = kept.Length == 0 ? default : new Microsoft.Extensions.Primitives.StringValues(kept);
                break;
            case JwtLocationKind.Query:
                var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(request.QueryString.Value);
                query.Remove(location.Name);
                request.QueryString = QueryString.Create(query);
                break;
            case JwtLocationKind.Cookie:
                var cookies = request.Headers.Cookie.SelectMany(c => (c ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    .Where(c => !c.StartsWith(location.Name + "=", StringComparison.Ordinal))
                    .ToArray();
                request.Headers.Cookie = cookies.Length == 0 ? default : string.Join("; ", cookies);
                break;
        }
    }

    private static IEnumerable<string> Read(HttpRequest request, JwtLocation location) => location.Kind switch
    {
        JwtLocationKind.Header => request.Headers[location.Name].Select(v => v is null ? null : Extract(v, location.Prefix)).OfType<string>(),
        JwtLocationKind.Query => request.Query[location.Name].OfType<string>(),
        _ => request.Cookies.TryGetValue(location.Name, out var cookie) ? [cookie] : [],
    };

    private static string? Extract(string value, string prefix) =>
        value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? value[prefix.Length..].Trim() : null;
}
