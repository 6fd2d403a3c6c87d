namespace OrleansMesh.Abstractions.Tests.Configuration;

/// <summary>Valid documents that use every field OrleansMesh reads, one per kind.</summary>
internal static class SampleDocuments
{
    public const string VirtualService = """
        apiVersion: networking.istio.io/v1beta1
        kind: VirtualService
        metadata:
          name: llm
          namespace: inference
          labels:
            app.kubernetes.io/name: llm
          annotations:
            owner: ml-platform
          creationTimestamp: "2024-01-01T00:00:00Z"
          resourceVersion: "42"
          uid: 0b6f
          generation: 3
          managedFields:
          - manager: kubectl
        spec:
          hosts:
          - llm.inference.svc.cluster.local
          - "*.models.example.com"
          gateways:
          - mesh
          - inference/edge
          exportTo:
          - "."
          http:
          - name: chat
            match:
            - name: by-header
              uri:
                prefix: /v1/chat
              scheme:
                exact: https
              method:
                regex: "GET|POST"
              authority:
                exact: llm.example.com
              headers:
                x-model:
                  exact: llama
              queryParams:
                stream:
                  exact: "true"
              withoutHeaders:
                x-debug:
                  prefix: "1"
              ignoreUriCase: true
              port: 8080
              sourceLabels:
                app: web
              gateways:
              - inference/edge
              sourceNamespace: web
              statPrefix: chat
            route:
            - destination:
                host: llm
                subset: large
                port:
                  number: 9000
              weight: 75
              headers:
                request:
                  set:
                    x-pool: large
            - destination:
                host: llm
                subset: small
              weight: 25
            rewrite:
              uri: /v1/completions
              authority: llm.internal
            timeout: 1.5s
            retries:
              attempts: 3
              perTryTimeout: 500ms
              retryOn: 5xx,connect-failure,503
              retryRemoteLocalities: true
            fault:
              delay:
                fixedDelay: 7s
                percentage:
                  value: 0.5
              abort:
                httpStatus: 503
                percentage:
                  value: 1
            mirror:
              host: llm-shadow
            mirrorPercentage:
              value: 10
            corsPolicy:
              allowOrigins:
              - exact: https://example.com
              - regex: "https://.*\\.example\\.com"
              allowMethods:
              - POST
              allowHeaders:
              - authorization
              exposeHeaders:
              - x-request-id
              maxAge: 24h
              allowCredentials: false
              unmatchedPreflights: IGNORE
            headers:
              request:
                add:
                  x-mesh: orleans
              response:
                remove:
                - server
          - name: legacy
            match:
            - uri:
                exact: /old
            redirect:
              uri: /new
              authority: new.example.com
              port: 8443
              scheme: https
              redirectCode: 308
            mirrors:
            - destination:
                host: llm-canary
                subset: v2
              percentage:
                value: 5
          - name: moved
            match:
            - uri:
                regex: "/v0/.*"
            redirect:
              uri: /v1
              derivePort: FROM_REQUEST_PORT
          - name: health
            match:
            - uri:
                exact: /healthz
            directResponse:
              status: 200
              body:
                string: ok
          - name: regex-rewrite
            rewrite:
              uriRegexRewrite:
                match: ^/service/([^/]+)(/.*)$
                rewrite: \2/instance/\1
            route:
            - destination:
                host: llm
        """;

    public const string DestinationRule = """
        apiVersion: networking.istio.io/v1alpha3
        kind: DestinationRule
        metadata:
          name: llm
          namespace: inference
        spec:
          host: llm
          exportTo:
          - "*"
          trafficPolicy:
            loadBalancer:
              simple: LEAST_REQUEST
              warmupDurationSecs: 30s
            connectionPool:
              tcp:
                maxConnections: 100
                connectTimeout: 250ms
                maxConnectionDuration: 1h
                idleTimeout: 90s
              http:
                http1MaxPendingRequests: 64
                http2MaxRequests: 1000
                maxRequestsPerConnection: 10
                maxRetries: 3
                idleTimeout: 1m
                h2UpgradePolicy: UPGRADE
                useClientProtocol: true
                maxConcurrentStreams: 100
            outlierDetection:
              splitExternalLocalOriginErrors: true
              consecutiveLocalOriginFailures: 5
              consecutiveGatewayErrors: 3
              consecutive5xxErrors: 7
              interval: 10s
              baseEjectionTime: 30s
              maxEjectionPercent: 50
              minHealthPercent: 20
            tls:
              mode: MUTUAL
              clientCertificate: /etc/certs/client.pem
              privateKey: /etc/certs/key.pem
              caCertificates: /etc/certs/ca.pem
              subjectAltNames:
              - llm.inference
              sni: llm.example.com
              insecureSkipVerify: false
            portLevelSettings:
            - port:
                number: 9000
              loadBalancer:
                consistentHash:
                  httpCookie:
                    name: session
                    path: /
                    ttl: 0s
                  minimumRingSize: 2048
              tls:
                mode: SIMPLE
                credentialName: llm-cert
          subsets:
          - name: large
            labels:
              size: large
            trafficPolicy:
              loadBalancer:
                consistentHash:
                  httpHeaderName: x-user
          - name: small
            labels:
              size: small
            trafficPolicy:
              loadBalancer:
                consistentHash:
                  useSourceIp: true
          - name: by-query
            trafficPolicy:
              loadBalancer:
                consistentHash:
                  httpQueryParameterName: user
              tls:
                mode: ISTIO_MUTUAL
        """;

    public const string ServiceEntry = """
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata:
          name: llm-backends
        spec:
          hosts:
          - llm.example.internal
          addresses:
          - 10.0.0.10
          ports:
          - number: 80
            name: http
            protocol: HTTP
            targetPort: 8080
          - number: 9090
            name: grpc
            protocol: GRPC
          location: MESH_INTERNAL
          resolution: STATIC
          exportTo:
          - "."
          subjectAltNames:
          - spiffe://cluster.local/ns/default/sa/llm
          endpoints:
          - address: 127.0.0.1
            ports:
              http: 18080
              grpc: 19090
            labels:
              size: large
            network: net1
            locality: eu-west/zone-a
            weight: 3
            serviceAccount: llm
          - address: 127.0.0.2
        """;

    public const string WorkloadEntry = """
        apiVersion: networking.istio.io/v1
        kind: WorkloadEntry
        metadata:
          name: gpu-box-1
        spec:
          address: 127.0.0.1
          ports:
            http: 18080
          labels:
            app: llm
            size: large
          network: net1
          locality: eu-west/zone-a
          weight: 2
          serviceAccount: llm
        """;

    public const string Gateway = """
        apiVersion: networking.istio.io/v1
        kind: Gateway
        metadata:
          name: edge
          namespace: inference
        spec:
          selector:
            istio: ingressgateway
          servers:
          - port:
              number: 443
              name: https
              protocol: HTTPS
              targetPort: 8443
            hosts:
            - "*.models.example.com"
            bind: 0.0.0.0
            name: tls-listener
            tls:
              mode: SIMPLE
              credentialName: edge-cert
              minProtocolVersion: TLSV1_2
              maxProtocolVersion: TLSV1_3
              cipherSuites:
              - ECDHE-RSA-AES256-GCM-SHA384
              subjectAltNames:
              - client.example.com
          - port:
              number: 80
              name: http
              protocol: HTTP
            hosts:
            - inference/*
            tls:
              httpsRedirect: true
        """;

    public static TheoryData<string> All() => new() { VirtualService, DestinationRule, ServiceEntry, WorkloadEntry, Gateway };
}
