using Microsoft.AspNetCore.Http;

namespace OrleansMesh.Benchmarks;

/// <summary>Requests built once, before measuring, as Kestrel would hand them to the gateway.</summary>
internal static class BenchmarkRequests
{
    public static HttpRequest Create(string host, string path, params (string Name, string Value)[] headers)
    {
        var context = new DefaultHttpContext();
        var request = context.Request;
        request.Method = HttpMethods.Post;
        request.Scheme = "http";
        request.Host = new HostString(host);
        request.Path = path;
        request.Headers.ContentType = "application/json";
        foreach (var (name, value) in headers)
        {
            request.Headers[name] = value;
        }

        return request;
    }
}
