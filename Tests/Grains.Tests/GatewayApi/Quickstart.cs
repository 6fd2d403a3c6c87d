namespace OrleansMesh.Grains.Tests.GatewayApi;

/// <summary>
/// A multi-document file shaped as the Gateway API Inference Extension's quickstart (its gateway, HTTPRoute,
/// InferencePool, InferenceObjective and model-server manifests, with the same fields; our own text), plus the
/// WorkloadEntries that are the mesh's model-server endpoints.
/// </summary>
internal static class Quickstart
{
    public const string Yaml = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: vllm-llama3-8b-instruct
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: vllm-llama3-8b-instruct
          template:
            metadata:
              labels:
                app: vllm-llama3-8b-instruct
            spec:
              containers:
              - name: vllm
                image: vllm/vllm-openai:latest
                args: ["--model", "meta-llama/Llama-3.1-8B-Instruct", "--port", "8000"]
                ports:
                - containerPort: 8000
                  name: http
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: vllm-llama3-8b-instruct
        spec:
          selector:
            app: vllm-llama3-8b-instruct
          ports:
          - port: 8000
            targetPort: 8000
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: vllm-llama3-8b-instruct-epp
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: plugins-config
        data:
          default-plugins.yaml: |
            apiVersion: inference.networking.x-k8s.io/v1alpha1
            kind: EndpointPickerConfig
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: GatewayClass
        metadata:
          name: istio
        spec:
          controllerName: istio.io/gateway-controller
        ---
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
            allowedRoutes:
              kinds:
              - kind: HTTPRoute
              namespaces:
                from: All
        ---
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
            port:
              number: 9002
            failureMode: FailOpen
        ---
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
              port: 8000
            matches:
            - path:
                type: PathPrefix
                value: /
            timeouts:
              request: 300s
        ---
        apiVersion: inference.networking.x-k8s.io/v1alpha2
        kind: InferenceObjective
        metadata:
          name: food-review
        spec:
          priority: 10
          poolRef:
            group: inference.networking.k8s.io
            name: vllm-llama3-8b-instruct
        ---
        apiVersion: networking.istio.io/v1
        kind: WorkloadEntry
        metadata:
          name: vllm-0
        spec:
          address: 127.0.0.1
          ports: {http: 18000}
          labels:
            app: vllm-llama3-8b-instruct
        ---
        apiVersion: networking.istio.io/v1
        kind: WorkloadEntry
        metadata:
          name: vllm-1
        spec:
          address: 127.0.0.2
          ports: {http: 18000}
          labels:
            app: vllm-llama3-8b-instruct
        """;
}
