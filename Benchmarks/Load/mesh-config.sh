# The load benchmarks' mesh config (sourced): one ServiceEntry for the backend and a VirtualService routing the chat
# workload on the model in its body (x-mesh-model) ahead of a plain `uri prefix /v1/` route. Needs HOST_HEADER,
# BACKEND_PORT and MODEL.

# write_mesh_bench_yaml FILE
write_mesh_bench_yaml() {
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
  - name: bench
    match:
    - uri:
        prefix: /v1/
    route:
    - destination:
        host: $HOST_HEADER
EOF
}
