using System.Text;

namespace OrleansMesh.Gateway.Routing;

/// <summary>Istio's <c>directResponse</c>: a fixed status and body.</summary>
internal sealed class DirectResponseAction(int statusCode, string? body) : RouteAction
{
    public int StatusCode { get; } = statusCode;

    public ReadOnlyMemory<byte> Body { get; } = body is null ? ReadOnlyMemory<byte>.Empty : Encoding.UTF8.GetBytes(body);
}
