namespace OrleansMesh.Abstractions.Tests.GatewayApi;

/// <summary>Gateway API documents shaped as the Inference Extension's quickstart writes them (our own text).</summary>
internal static class GatewayApiYaml
{
    public const string GatewayDoc = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata:
          name: inference-gateway
        spec:
          gatewayClassName: istio
          listeners:
          - name: http
            port: 80
            protocol: HTTP
        """;

    public const string RouteDoc = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata:
          name: llm-route
        spec:
          parentRefs:
          - group: gateway.networking.k8s.io
            kind: Gateway
            name: inference-gateway
          rules:
          - backendRefs:
            - group: inference.networking.k8s.io
              kind: InferencePool
              name: vllm-llama3-8b-instruct
            matches:
            - path:
                type: PathPrefix
                value: /
            timeouts:
              request: 300s
        """;

    public const string PoolDoc = """
        apiVersion: inference.networking.k8s.io/v1
        kind: InferencePool
        metadata:
          name: vllm-llama3-8b-instruct
        spec:
          targetPorts:
          - number: 8000
          selector:
            matchLabels:
              app: vllm-llama3-8b-instruct
          endpointPickerRef:
            name: vllm-llama3-8b-instruct-epp
        """;
}
