namespace OrleansMesh.Benchmarks.LoadBalancing;

/// <summary>The mesh config of one phase: the three backends as one service, with the phase's load-balancing policy.</summary>
internal static class BenchConfig
{
    public const string Host = "llm.bench.local";

    public static string Yaml(string policy, int[] ports) => $$"""
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata:
          name: llm
        spec:
          hosts: [{{Host}}]
          location: MESH_INTERNAL
          resolution: STATIC
          ports: [{number: 80, name: http, protocol: HTTP}]
          endpoints:
        {{string.Concat(ports.Select(p => $"  - {{address: 127.0.0.1, ports: {{http: {p}}}}}\n"))}}
        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: llm
        spec:
          hosts: [{{Host}}]
          http:
          - route:
            - destination: {host: {{Host}}}
        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: llm
        spec:
          host: {{Host}}
          trafficPolicy:
            loadBalancer:
              simple: {{policy}}
        """;
}
