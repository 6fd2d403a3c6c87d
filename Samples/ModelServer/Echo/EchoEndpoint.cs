using OrleansMesh.Samples.ModelServer.Hosting;
using OrleansMesh.Samples.ModelServer.Wire;

namespace OrleansMesh.Samples.ModelServer.Echo;

/// <summary>
/// Catch-all for any other path or method: echoes the request line and headers. Header names are lower-cased
/// (as HTTP/2 sends them) so tests can look them up without caring how a proxy spelled them.
/// </summary>
internal sealed class EchoEndpoint(ModelIdentity model)
{
    public Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var headers = new Dictionary<string, string>(request.Headers.Count, StringComparer.Ordinal);
        foreach (var (name, values) in request.Headers)
        {
            headers[name.ToLowerInvariant()] = values.ToString();
        }

        var echo = new EchoResponse(
            model.Name,
            model.Version,
            request.Method,
            request.PathBase.Add(request.Path).Value is { Length: > 0 } path ? path : "/",
            request.QueryString.Value ?? "",
            headers);
        return JsonResponses.WriteAsync(context, echo, ModelServerJsonContext.Default.EchoResponse);
    }
}
