using System.Net;
using Microsoft.AspNetCore.Connections.Features;
using OrleansMesh.Gateway.Security.Authentication;

namespace OrleansMesh.Gateway.Security.Authorization;

/// <summary>Reads a request's <see cref="RequestAttributes"/> at the gateway or at a chosen destination.</summary>
internal static class RequestAttributesFactory
{
    public static RequestAttributes Create(HttpContext context, string? destinationIp, int destinationPort)
    {
        var request = context.Request;
        var address = context.Connection.RemoteIpAddress is { IsIPv4MappedToIPv6: true } mapped ? mapped.MapToIPv4() : context.Connection.RemoteIpAddress;
        var peer = ValueSets.Text(address);
        return new RequestAttributes
        {
            Method = request.Method,
            Path = request.Path.HasValue ? request.Path.Value! : "/",
            Host = request.Host.Value ?? "",
            DestinationIp = destinationIp,
            DestinationPort = ValueSets.Text(destinationPort),
            SourceIp = peer,
            RemoteIp = peer,
            SourceAddress = address,
            RemoteAddress = address,
            Sni = context.Features.Get<ITlsHandshakeFeature>()?.HostName,
            Authentication = context.Features.Get<IMeshAuthenticationFeature>()?.Authentication,
            Headers = request.Headers,
        };
    }

    public static RequestAttributes AtGateway(HttpContext context) =>
        Create(context, ValueSets.Text(context.Connection.LocalIpAddress), context.Connection.LocalPort);

    public static string? Address(string host) => IPAddress.TryParse(host, out var ip) ? ValueSets.Text(ip) : host;
}
