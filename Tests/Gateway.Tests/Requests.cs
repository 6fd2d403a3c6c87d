namespace OrleansMesh.Gateway.Tests;

/// <summary>Requests as the gateway sees them, without a server.</summary>
internal static class Requests
{
    public static HttpRequest Get(string path, string host = "localhost:8080", string? query = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Get;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString(host);
        context.Request.Path = path;
        context.Connection.LocalPort = 8080;
        if (query is not null)
        {
            context.Request.QueryString = new QueryString(query);
        }

        return context.Request;
    }
}
