# The load benchmarks' mesh config (sourced): one ServiceEntry for the backend and a VirtualService routing the chat
# workload on the model in its body (x-mesh-model) ahead of a plain `uri prefix /v1/` route, and its apply. Needs
# HOST_HEADER, BACKEND_PORT and MODEL, and lib/processes.sh's `log`.
#
# BENCH_FEATURES=all adds what an Istio user configures for such a service, all of it in force on every request and
# none of it firing: a DestinationRule with a connection pool and outlier detection (so every outcome is counted for the
# cluster-wide breaker), retries and a timeout on both routes, and an ALLOW AuthorizationPolicy on the gateway that
# every request is evaluated against. Default: none of it (model routing and metrics only).

# write_mesh_bench_yaml FILE
write_mesh_bench_yaml() {
    local route_policy=""
    if [[ "${BENCH_FEATURES:-}" == all ]]; then
        route_policy=$'    timeout: 30s\n    retries:\n      attempts: 2\n      perTryTimeout: 10s\n      retryOn: connect-failure,refused-stream,503'
    fi
    cat > "$1" <<EOF
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: bench-backend
  namespace: default
spec:
  hosts:
  - $HOST_HEADER
  location: MESH_INTERNAL
  resolution: STATIC
  ports:
  - number: 80
    name: http
    protocol: HTTP
  endpoints:
  - address: 127.0.0.1
    ports:
      http: $BACKEND_PORT
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: bench-backend
  namespace: default
spec:
  hosts:
  - $HOST_HEADER
  http:
  - name: by-model
    match:
    - headers:
        x-mesh-model:
          exact: $MODEL
    route:
    - destination:
        host: $HOST_HEADER
${route_policy}
  - name: bench
    match:
    - uri:
        prefix: /v1/
    route:
    - destination:
        host: $HOST_HEADER
${route_policy}
EOF
    if [[ "${BENCH_FEATURES:-}" == all ]]; then
        cat >> "$1" <<EOF
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: bench-backend
  namespace: default
spec:
  host: $HOST_HEADER
  trafficPolicy:
    connectionPool:
      http:
        http1MaxPendingRequests: 100000
        http2MaxRequests: 100000
    outlierDetection:
      consecutive5xxErrors: 5
      interval: 10s
      baseEjectionTime: 30s
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: bench-allow
  namespace: istio-system
spec:
  selector:
    matchLabels:
      istio: ingressgateway
  action: ALLOW
  rules:
  - to:
    - operation:
        methods: ["GET", "POST"]
        paths: ["/v1/*", "/*"]
EOF
    fi
}

# meshctl_apply CLI_DIR FILE LOG [PREFIX...]: `meshctl apply -f FILE`, run as `PREFIX... dotnet meshctl.dll` in CLI_DIR
# (PREFIX: a CPU placement and the cluster's environment), tried up to 6 times 2 s apart while a silo that just started
# cannot take it yet; the last output in LOG.
meshctl_apply() {
    local cli=$1 file=$2 out=$3 attempt
    shift 3
    for attempt in 1 2 3 4 5 6; do
        (cd "$cli" && "$@" dotnet meshctl.dll apply -f "$file") > "$out" 2>&1 && return 0
        log "meshctl apply failed (attempt $attempt): $(tail -n 1 "$out")"
        sleep 2
    done
    return 1
}
