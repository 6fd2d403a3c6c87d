namespace OrleansMesh.Integration.Tests.ClusterWide;

/// <summary>Config for one test destination: a ServiceEntry on loopback backends, a route without retries, a DestinationRule.</summary>
internal static class MeshYaml
{
    public static string Destination(string host, IEnumerable<int> ports, string trafficPolicy, string routeExtras = "") => $"""
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
          endpoints:{string.Concat(ports.Select(p => $"\n  - address: 127.0.0.1\n    ports:\n      http: {p}"))}
        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: {host}
        spec:
          hosts:
          - {host}
          http:
          - route:
            - destination:
                host: {host}
            retries:
              attempts: 0
        {Indent(routeExtras, 4)}
        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: {host}
        spec:
          host: {host}
          trafficPolicy:
        {Indent(trafficPolicy, 4)}
        """;

    private static string Indent(string text, int spaces) =>
        string.Join("\n", text.Split('\n').Select(line => new string(' ', spaces) + line));
}
