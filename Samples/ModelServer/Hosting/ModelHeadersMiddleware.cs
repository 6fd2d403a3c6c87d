using System.Collections.Frozen;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Primitives;

namespace OrleansMesh.Samples.ModelServer.Hosting;

/// <summary>
/// Stamps every response with the model's identity and the address it was served on
/// (<c>x-served-by: &lt;name&gt;-&lt;version&gt;@&lt;listen address&gt;</c>, the address as in <c>app.Urls</c>).
/// </summary>
internal sealed class ModelHeadersMiddleware
{
    private readonly RequestDelegate next;
    private readonly ModelIdentity model;
    private readonly IServer server;

    // Port -> header value. Addresses are only known once Kestrel has bound (port 0), so it is filled on the first request.
    private volatile FrozenDictionary<int, StringValues>? servedBy;

    public ModelHeadersMiddleware(RequestDelegate next, ModelIdentity model, IServer server)
    {
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(server);
        this.next = next;
        this.model = model;
        this.server = server;
    }

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers[ModelHeaders.Name] = model.NameHeader;
        headers[ModelHeaders.Version] = model.VersionHeader;
        headers[ModelHeaders.ServedBy] = ServedBy(context.Connection);
        return next(context);
    }

    private StringValues ServedBy(ConnectionInfo connection)
    {
        var map = servedBy ??= BuildMap();
        if (map.TryGetValue(connection.LocalPort, out var value))
        {
            return value;
        }

        // Not one of the bound addresses (e.g. an in-memory test server): name the socket instead.
        var local = connection.LocalIpAddress is { } ip ? new IPEndPoint(ip, connection.LocalPort).ToString() : "unknown";
        return new StringValues($"{model.Fingerprint}@{local}");
    }

    private FrozenDictionary<int, StringValues> BuildMap()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var map = new Dictionary<int, StringValues>();
        foreach (var address in addresses)
        {
            map.TryAdd(BindingAddress.Parse(address).Port, new StringValues($"{model.Fingerprint}@{address}"));
        }

        return map.ToFrozenDictionary();
    }
}
