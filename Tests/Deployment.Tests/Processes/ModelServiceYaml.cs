using System.Globalization;
using System.Text;

namespace OrleansMesh.Deployment.Tests.Processes;

/// <summary>The ServiceEntry every process test registers its model servers with: one HTTP port 80 host on 127.0.0.1 ports.</summary>
internal static class ModelServiceYaml
{
    /// <summary>
    /// A ServiceEntry document (ending with the <c>---</c> that separates it from the next) listing each model server's
    /// port, with a <c>version</c> label where one is given.
    /// </summary>
    public static string ServiceEntry(string host, IEnumerable<(int Port, string? Version)> endpoints)
    {
        var yaml = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"""
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata:
              name: {host}
            spec:
              hosts:
              - {host}
              location: MESH_INTERNAL
              resolution: STATIC
              ports:
              - number: 80
                name: http
                protocol: HTTP
              endpoints:
            """));
        foreach (var (port, version) in endpoints)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"\n  - address: 127.0.0.1\n    ports:\n      http: {port}");
            if (version is not null)
            {
                yaml.Append(CultureInfo.InvariantCulture, $"\n    labels:\n      version: {version}");
            }
        }

        return yaml.Append("\n---").ToString();
    }

    /// <summary>As <see cref="ServiceEntry(string, IEnumerable{ValueTuple{int, string}})"/>, without labels.</summary>
    public static string ServiceEntry(string host, IEnumerable<int> ports) => ServiceEntry(host, ports.Select(p => (p, (string?)null)));
}
