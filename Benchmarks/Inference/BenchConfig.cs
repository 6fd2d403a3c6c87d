namespace OrleansMesh.Benchmarks.Inference;

/// <summary>
/// One route host per phase: to the four servers as a ServiceEntry with a DestinationRule's loadBalancer (ROUND_ROBIN,
/// LEAST_REQUEST), or as an InferencePool (the picker). The hosts differ per phase, so no gateway state carries over.
/// </summary>
internal static class BenchConfig
{
    public static string Yaml(string policy, string host, IReadOnlyList<int> ports) => policy == "PICKER" ? Pool(host, ports) : Service(policy, host, ports);

    private static string Endpoints(string app, IReadOnlyList<int> ports) =>
        string.Concat(ports.Select(p => $"\n  - address: 127.0.0.1\n    ports:\n      http: {p}\n    labels:\n      app: {app}"));

    private static string Service(string policy, string host, IReadOnlyList<int> ports) => $"""
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
          endpoints:{Endpoints(host, ports)}
        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: {host}
        spec:
          host: {host}
          trafficPolicy:
            loadBalancer:
              simple: {policy}
        ---
        {Route(host, host)}
        """;

    // The pool's members are the ServiceEntry's endpoints labelled app: <host>; the ServiceEntry's own host is unused.
    private static string Pool(string host, IReadOnlyList<int> ports) => $"""
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata:
          name: {host}-servers
        spec:
          hosts:
          - {host}-servers
          location: MESH_INTERNAL
          resolution: STATIC
          ports:
          - number: 80
            name: http
            protocol: HTTP
          endpoints:{Endpoints(host, ports)}
        ---
        apiVersion: inference.networking.k8s.io/v1
        kind: InferencePool
        metadata:
          name: {host}
        spec:
          targetPorts:
          - number: 8000
          selector:
            matchLabels:
              app: {host}
          endpointPickerRef:
            name: {host}-epp
        ---
        {Route(host, $"{host}.default.inferencepool")}
        """;

    private static string Route(string host, string destination) => $"""
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
                host: {destination}
            timeout: 120s
            retries:
              attempts: 0
        """;
}
