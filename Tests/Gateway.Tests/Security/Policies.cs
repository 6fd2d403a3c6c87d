using System.Text.Json;
using Microsoft.Extensions.Primitives;
using OrleansMesh.Configuration;
using OrleansMesh.Gateway.Security.Authentication;
using OrleansMesh.Gateway.Security.Authorization;
using OrleansMesh.Security;

namespace OrleansMesh.Gateway.Tests.Security;

/// <summary>Policy sets read from Istio YAML with the real loader, and requests to evaluate them on.</summary>
internal static class Policies
{
    public static PolicySet Load(string yaml)
    {
        var result = MeshConfigLoader.Load(yaml, "test.yaml");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return new PolicySet([.. result.Resources.Select(r => new CompiledPolicy((AuthorizationPolicy)r.Resource))]);
    }

    /// <summary>An AuthorizationPolicy in <paramref name="ns"/> (none: no <c>metadata.namespace</c> at all).</summary>
    public static string Policy(string name, string spec, string? ns = "foo") =>
        $"apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: {name}\n{(ns is null ? "" : $"  namespace: {ns}\n")}spec:\n{Indent(spec)}---\n";

    public static RequestAttributes Request(
        string method = "GET",
        string path = "/",
        string host = "httpbin.foo:8000",
        string? ip = "10.1.2.3",
        string port = "8000",
        string? claims = null,
        params (string Name, string Value)[] headers) => new()
        {
            Method = method,
            Path = path,
            Host = host,
            SourceIp = ip,
            RemoteIp = ip,
            DestinationIp = "127.0.0.1",
            DestinationPort = port,
            Authentication = claims is null ? null : Auth(claims),
            Headers = new HeaderDictionary(headers.ToDictionary(h => h.Name, h => new StringValues(h.Value), StringComparer.OrdinalIgnoreCase)),
        };

    public static MeshAuthentication Auth(string claims)
    {
        using var document = JsonDocument.Parse(claims);
        var root = document.RootElement.Clone();
        return new MeshAuthentication(root.GetProperty("iss").GetString()!, root.TryGetProperty("sub", out var sub) ? sub.GetString()! : "", root);
    }

    private static string Indent(string text) =>
        string.Concat(text.ReplaceLineEndings("\n").Split('\n').Select(line => line.Length == 0 ? "\n" : "  " + line + "\n"));
}
