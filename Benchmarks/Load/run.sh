#!/usr/bin/env bash
# Load benchmark of the mesh gateway: one backend, driven by wrk six ways —
#   direct, plain YARP (static config), nginx, haproxy, Portkey's AI gateway (Node, from npm) and the mesh gateway
#   (silo + gateway + meshctl apply) —
# with two workloads each: `get` (GET /v1/chat/completions, routed on the path) and `chat` (POST
# /v1/chat/completions with a JSON body naming the model, which the mesh gateway routes on). Prints requests/s,
# p50, p99 and the proxy's CPU per request (user+system CPU of its processes over the measured run, from
# /proc/<pid>/stat, divided by the requests wrk completed) as markdown tables on stdout and in
# Benchmarks/results/load-<date>.md.
#
# Settings (environment):
#   BENCH_DURATION=10s  BENCH_WARMUP=3s  BENCH_CONNECTIONS=32  BENCH_THREADS=1   wrk settings per target and workload
#                        (each proxy gets BENCH_WARMUP of every workload before the first measured run)
#   BENCH_TARGETS="direct yarp nginx haproxy portkey mesh"                       which targets, in order
#   BENCH_WORKLOADS="get chat"                                                   which workloads, in order, per target
#   BENCH_PIN=1          proxy on CPU 0, wrk + backend (+ idle control plane) on CPU 1; 0 lets the OS schedule
#   BENCH_PROXY_WORKERS  nginx worker_processes / haproxy nbthread (default: 1 when pinned, auto otherwise)
#   BENCH_SKIP_BUILD=1   reuse the Release build output
#   BENCH_PORT_BASE=5600 backend +1, yarp +2, nginx +3, haproxy +4, gateway +5, silo http +6, portkey +7
#   BENCH_SILO_PORT=11111 BENCH_ORLEANS_GATEWAY_PORT=30000   the control plane's localhost clustering ports
#   BENCH_READY_TIMEOUT=120  seconds to wait for the mesh gateway to route the test path
#   BENCH_FEATURES=all   the mesh config with every feature in force and none firing (see mesh-config.sh)
#   BENCH_RESULTS_FILE   where the markdown goes (default: Benchmarks/results/load-<date>.md)
# Everything listens on 127.0.0.1 only; every process started here is stopped on exit.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DURATION=${BENCH_DURATION:-10s}
WARMUP=${BENCH_WARMUP:-3s}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
THREADS=${BENCH_THREADS:-1}
TARGETS=${BENCH_TARGETS:-"direct yarp nginx haproxy portkey mesh"}
WORKLOADS=${BENCH_WORKLOADS:-"get chat"}
PIN=${BENCH_PIN:-1}
PORT_BASE=${BENCH_PORT_BASE:-5600}
BACKEND_PORT=$((PORT_BASE + 1))
YARP_PORT=$((PORT_BASE + 2))
NGINX_PORT=$((PORT_BASE + 3))
HAPROXY_PORT=$((PORT_BASE + 4))
GATEWAY_PORT=$((PORT_BASE + 5))
SILO_HTTP_PORT=$((PORT_BASE + 6))
PORTKEY_PORT=$((PORT_BASE + 7))
SILO_PORT=${BENCH_SILO_PORT:-11111}
ORLEANS_GATEWAY_PORT=${BENCH_ORLEANS_GATEWAY_PORT:-30000}
READY_TIMEOUT=${BENCH_READY_TIMEOUT:-120}
HOST_HEADER=backend.bench.local
TEST_PATH=/v1/chat/completions
MODEL=bench-model
CHAT_SCRIPT="$ROOT/Benchmarks/Load/chat.lua"
CHAT_BODY=$(sed -n "s/^wrk.body = '\(.*\)'$/\1/p" "$CHAT_SCRIPT")
CONFIGURATION=Release
TFM=net10.0
RESULTS_DIR="$ROOT/Benchmarks/results"
RESULTS_FILE=${BENCH_RESULTS_FILE:-"$RESULTS_DIR/load-$(date +%Y-%m-%d).md"}
WORK=$(mktemp -d /tmp/orleansmesh-load.XXXXXX)

declare -A RPS=() P50=() P99=() NOTE=() CPU_US=() CORES=()
CLK_TCK=$(getconf CLK_TCK)
SKIPPED=()

LOG_TAG=load
# shellcheck source=../lib/processes.sh
source "$ROOT/Benchmarks/lib/processes.sh"
# shellcheck source=../lib/measure.sh
source "$ROOT/Benchmarks/lib/measure.sh"
# shellcheck source=mesh-config.sh
source "$ROOT/Benchmarks/Load/mesh-config.sh"

# --- CPU placement -----------------------------------------------------------------------------------------
if [[ "$PIN" == 1 ]] && command -v taskset > /dev/null && (( $(nproc) >= 2 )); then
    PROXY_CPUS=0
    LOAD_CPUS=1
    PROXY_WORKERS=${BENCH_PROXY_WORKERS:-1}
    PLACEMENT="pinned with taskset: proxy under test on CPU 0; wrk, backend and the idle control plane on CPU 1"
else
    PIN=0
    LOAD_CPUS=all
    PROXY_CPUS=all
    PROXY_WORKERS=${BENCH_PROXY_WORKERS:-auto}
    PLACEMENT="not pinned: wrk, backend and proxy share all $(nproc) CPUs"
fi

on_cpus() {
    local cpus=$1
    shift
    if [[ "$PIN" == 1 ]]; then
        taskset -c "$cpus" "$@"
    else
        "$@"
    fi
}

# --- Processes ---------------------------------------------------------------------------------------------

# --- Tools -------------------------------------------------------------------------------------------------
APT_UPDATED=0
ensure_tool() {
    local tool=$1 package=$2
    command -v "$tool" > /dev/null && return 0
    if [[ $EUID -ne 0 ]]; then
        log "SKIP: '$tool' is not installed and this is not root; install it with: sudo apt-get install -y $package"
        return 1
    fi
    if [[ $APT_UPDATED == 0 ]]; then
        apt-get update -qq > "$WORK/apt.log" 2>&1
        APT_UPDATED=1
    fi
    log "installing $package (apt-get)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >> "$WORK/apt.log" 2>&1 || {
        log "SKIP: apt-get install $package failed, see $WORK/apt.log"
        return 1
    }
    command -v "$tool" > /dev/null
}

PATH="$PATH:/usr/sbin:/sbin"
ensure_tool wrk wrk || { log "wrk is required; nothing to measure"; exit 1; }
ensure_tool curl curl || { log "curl is required for readiness checks"; exit 1; }
HAVE_NGINX=0; ensure_tool nginx nginx && HAVE_NGINX=1
HAVE_HAPROXY=0; ensure_tool haproxy haproxy && HAVE_HAPROXY=1

# Portkey's gateway, at the version package-lock.json pins, into Benchmarks/Load/Portkey/node_modules (ignored by git).
PORTKEY_DIR="$ROOT/Benchmarks/Load/Portkey"
PORTKEY_ENTRY="$PORTKEY_DIR/node_modules/@portkey-ai/gateway/build/start-server.js"
HAVE_PORTKEY=0
if [[ " $TARGETS " == *" portkey "* ]]; then
    if ! command -v node > /dev/null || ! command -v npm > /dev/null; then
        log "SKIP portkey: node and npm are needed (apt-get install nodejs npm, or Node 20+)"
    elif [[ -f "$PORTKEY_ENTRY" && "$PORTKEY_DIR/node_modules/.package-lock.json" -nt "$PORTKEY_DIR/package-lock.json" ]] \
        || (cd "$PORTKEY_DIR" && npm ci --no-audit --no-fund > "$WORK/npm.log" 2>&1); then
        HAVE_PORTKEY=1
    else
        log "SKIP portkey: npm ci failed, see $WORK/npm.log"
    fi
fi

# --- Build -------------------------------------------------------------------------------------------------
project_dir() { echo "$ROOT/$1/bin/$CONFIGURATION/$TFM"; }

build() {
    local project=$1
    [[ "${BENCH_SKIP_BUILD:-0}" == 1 ]] && return 0
    log "dotnet build -c $CONFIGURATION $project"
    # Other builds may hold the same obj/ files for a moment: try twice.
    dotnet build -c "$CONFIGURATION" -nologo -v q "$ROOT/$project" > "$WORK/build-$(basename "$project" .csproj).log" 2>&1 \
        || { sleep 5; dotnet build -c "$CONFIGURATION" -nologo -v q "$ROOT/$project" >> "$WORK/build-$(basename "$project" .csproj).log" 2>&1; }
}

BUILD_FAILED=()
build Benchmarks/Load/Backend/Backend.csproj || { log "backend build failed: $WORK/build-Backend.log"; exit 1; }
[[ " $TARGETS " == *" yarp "* ]] && { build Benchmarks/Load/YarpProxy/YarpProxy.csproj || BUILD_FAILED+=(YarpProxy); }
if [[ " $TARGETS " == *" mesh "* ]]; then
    for project in Silo/Silo.csproj Gateway/Gateway.csproj Cli/Cli.csproj; do
        build "$project" || BUILD_FAILED+=("$(basename "$project" .csproj)")
    done
fi

for port in "$BACKEND_PORT" "$YARP_PORT" "$NGINX_PORT" "$HAPROXY_PORT" "$GATEWAY_PORT" "$SILO_HTTP_PORT" "$PORTKEY_PORT"; do
    port_free "$port" || { log "port $port on 127.0.0.1 is in use; set BENCH_PORT_BASE to another range"; exit 1; }
done

# --- Measuring ---------------------------------------------------------------------------------------------
# workload_args WORKLOAD: wrk's arguments for the workload.
workload_args() {
    case $1 in
        get) ;;
        chat) printf '%s\n' -s "$CHAT_SCRIPT" ;;
    esac
}

# warm NAME WORKLOAD URL [WRK ARGS...]: BENCH_WARMUP of load, discarded.
warm() {
    local name=$1 workload=$2 url=$3
    shift 3
    local args=()
    mapfile -t args < <(workload_args "$workload")
    log "$name ($workload): warm-up $WARMUP"
    on_cpus "$LOAD_CPUS" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "Host: $HOST_HEADER" "${args[@]}" "$@" "$url" > "$WORK/wrk-$name-$workload-warmup.txt" 2>&1
}

# measure NAME WORKLOAD URL PID [WRK ARGS...]: the measured run, with the CPU that PID (and its children) used during it.
measure() {
    local name=$1 workload=$2 url=$3 pid=$4 key="$1:$2" out="$WORK/wrk-$1-$2.txt"
    shift 4
    local args=()
    mapfile -t args < <(workload_args "$workload")
    args+=("$@")
    log "$name ($workload): ${DURATION} with $CONNECTIONS connections on $url"
    local before after started ended
    before=$(cpu_ticks "$pid"); started=$(date +%s.%N)
    on_cpus "$LOAD_CPUS" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Host: $HOST_HEADER" "${args[@]}" "$url" > "$out" 2>&1
    after=$(cpu_ticks "$pid"); ended=$(date +%s.%N)
    RPS[$key]=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
    P50[$key]=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")
    P99[$key]=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")
    local requests
    requests=$(awk '/ requests in / { print $1 }' "$out")
    CPU_US[$key]=$(awk -v t=$((after - before)) -v hz="$CLK_TCK" -v n="${requests:-0}" 'BEGIN { if (n > 0) printf "%.1f", t / hz * 1e6 / n; else print "–" }')
    CORES[$key]=$(awk -v t=$((after - before)) -v hz="$CLK_TCK" -v a="$started" -v b="$ended" 'BEGIN { printf "%.2f", t / hz / (b - a) }')
    local bad errors
    bad=$(awk -F': *' '/Non-2xx or 3xx responses/ { print $2 }' "$out")
    errors=$(grep -E '^ *Socket errors' "$out" | sed 's/^ *//')
    NOTE[$key]="${bad:+$bad non-2xx responses; }${errors}"
    log "$name ($workload): ${RPS[$key]:-?} req/s, p50 ${P50[$key]} ms, p99 ${P99[$key]} ms, ${CPU_US[$key]} µs CPU/request (${CORES[$key]} cores) ${NOTE[$key]}"
}

# measure_all NAME URL PID [WRK ARGS...]: every workload on the same process: first a warm-up of each (so the code
# paths of all of them are compiled before any is measured, whatever the order), then a measured run of each.
measure_all() {
    local name=$1 url=$2 pid=$3 workload
    shift 3
    for workload in $WORKLOADS; do
        warm "$name" "$workload" "$url" "$@"
    done
    for workload in $WORKLOADS; do
        measure "$name" "$workload" "$url" "$pid" "$@"
    done
}

LOADAVG_START=$(cut -d' ' -f1-3 /proc/loadavg)
start backend "$(project_dir Benchmarks/Load/Backend)" "$LOAD_CPUS" dotnet OrleansMesh.Benchmarks.Backend.dll --urls "http://127.0.0.1:$BACKEND_PORT"
wait_for backend "http://127.0.0.1:$BACKEND_PORT$TEST_PATH" 30 || exit 1

# direct: the CPU column is the backend's own, the floor under every proxied figure.
run_direct() {
    measure_all direct "http://127.0.0.1:$BACKEND_PORT$TEST_PATH" "${PIDS[backend]}"
}

run_yarp() {
    [[ " ${BUILD_FAILED[*]} " == *" YarpProxy "* ]] && { SKIPPED+=("yarp: build failed, see $WORK/build-YarpProxy.log"); return; }
    start yarp "$(project_dir Benchmarks/Load/YarpProxy)" "$PROXY_CPUS" dotnet OrleansMesh.Benchmarks.YarpProxy.dll \
        --urls "http://127.0.0.1:$YARP_PORT" "--ReverseProxy:Clusters:backend:Destinations:d1:Address=http://127.0.0.1:$BACKEND_PORT"
    if wait_for yarp "http://127.0.0.1:$YARP_PORT$TEST_PATH" 30; then
        measure_all yarp "http://127.0.0.1:$YARP_PORT$TEST_PATH" "${PIDS[yarp]}"
    else
        SKIPPED+=("yarp: did not start, see $WORK/yarp.log")
    fi
    stop yarp
}

run_nginx() {
    [[ $HAVE_NGINX == 1 ]] || { SKIPPED+=("nginx: not installed"); return; }
    mkdir -p "$WORK/nginx/logs" "$WORK/nginx/temp"
    cat > "$WORK/nginx/nginx.conf" <<EOF
worker_processes $PROXY_WORKERS;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $WORK/nginx/temp/body;
    proxy_temp_path $WORK/nginx/temp/proxy;
    fastcgi_temp_path $WORK/nginx/temp/fastcgi;
    uwsgi_temp_path $WORK/nginx/temp/uwsgi;
    scgi_temp_path $WORK/nginx/temp/scgi;
    upstream backend {
        server 127.0.0.1:$BACKEND_PORT;
        keepalive 128;
    }
    server {
        listen 127.0.0.1:$NGINX_PORT;
        location / {
            proxy_pass http://backend;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
        }
    }
}
EOF
    start nginx "$WORK/nginx" "$PROXY_CPUS" nginx -p "$WORK/nginx" -e "$WORK/nginx/logs/error.log" -c "$WORK/nginx/nginx.conf"
    if wait_for nginx "http://127.0.0.1:$NGINX_PORT$TEST_PATH" 15; then
        measure_all nginx "http://127.0.0.1:$NGINX_PORT$TEST_PATH" "${PIDS[nginx]}"
    else
        SKIPPED+=("nginx: did not start, see $WORK/nginx.log")
    fi
    stop nginx
}

run_haproxy() {
    [[ $HAVE_HAPROXY == 1 ]] || { SKIPPED+=("haproxy: not installed"); return; }
    local threads="nbthread $PROXY_WORKERS"
    [[ "$PROXY_WORKERS" == auto ]] && threads="# nbthread: haproxy's default, one per CPU"
    cat > "$WORK/haproxy.cfg" <<EOF
global
    $threads
    maxconn 4096
defaults
    mode http
    option http-keep-alive
    http-reuse always
    timeout connect 5s
    timeout client 30s
    timeout server 30s
frontend bench
    bind 127.0.0.1:$HAPROXY_PORT
    default_backend backend
backend backend
    server b1 127.0.0.1:$BACKEND_PORT
EOF
    start haproxy "$WORK" "$PROXY_CPUS" haproxy -db -f "$WORK/haproxy.cfg"
    if wait_for haproxy "http://127.0.0.1:$HAPROXY_PORT$TEST_PATH" 15; then
        measure_all haproxy "http://127.0.0.1:$HAPROXY_PORT$TEST_PATH" "${PIDS[haproxy]}"
    else
        SKIPPED+=("haproxy: did not start, see $WORK/haproxy.log")
    fi
    stop haproxy
}

# Portkey's open-source AI gateway (Node): provider "openai" with a custom host, i.e. our backend, in the
# x-portkey-config header of every request. Its start-server.js listens on every interface; the preload
# listen-loopback.mjs keeps it on 127.0.0.1. `--headless`: no UI.
run_portkey() {
    [[ $HAVE_PORTKEY == 1 ]] || { SKIPPED+=("portkey: not installed (node, npm or npm ci missing; see the log)"); return; }
    local config="{\"provider\":\"openai\",\"api_key\":\"sk-bench\",\"custom_host\":\"http://127.0.0.1:$BACKEND_PORT/v1\"}"
    start portkey "$PORTKEY_DIR" "$PROXY_CPUS" env NODE_ENV=production \
        node --import ./listen-loopback.mjs "$PORTKEY_ENTRY" "--port=$PORTKEY_PORT" --headless
    if wait_for portkey "http://127.0.0.1:$PORTKEY_PORT$TEST_PATH" 30 "$HOST_HEADER" \
        -H "x-portkey-config: $config" -H 'Content-Type: application/json' -d "$CHAT_BODY"; then
        local workload
        for workload in $WORKLOADS; do
            if [[ $workload == get ]]; then
                # Portkey 1.15.2 answers GET /v1/* (its proxy route) with 500 "Something went wrong" here:
                # "TypeError: immutable" from undici when it appends a header to the fetched Response (Node 20).
                SKIPPED+=("portkey (get): Portkey 1.15.2's GET proxy route answers 500 (TypeError: immutable, appending a header to a fetch Response under Node $(node --version)); chat only")
                continue
            fi
            warm portkey "$workload" "http://127.0.0.1:$PORTKEY_PORT$TEST_PATH" -H "x-portkey-config: $config"
            measure portkey "$workload" "http://127.0.0.1:$PORTKEY_PORT$TEST_PATH" "${PIDS[portkey]}" -H "x-portkey-config: $config"
        done
    else
        SKIPPED+=("portkey: did not answer 200, see $WORK/portkey.log")
    fi
    stop portkey
}

run_mesh() {
    local failed
    for failed in "${BUILD_FAILED[@]}"; do
        if [[ "$failed" == Silo || "$failed" == Gateway || "$failed" == Cli ]]; then
            SKIPPED+=("mesh: the $failed build failed, see $WORK/build-$failed.log")
            return
        fi
    done
    for port in "$SILO_PORT" "$ORLEANS_GATEWAY_PORT"; do
        port_free "$port" || { SKIPPED+=("mesh: control-plane port $port is in use (another silo?); set BENCH_SILO_PORT/BENCH_ORLEANS_GATEWAY_PORT"); return; }
    done
    local cluster_env=(env "OrleansMesh__SiloPort=$SILO_PORT" "OrleansMesh__GatewayPort=$ORLEANS_GATEWAY_PORT")

    # Control plane: in-memory storage, so nothing is written to ./.mesh. Idle while measuring: on the load CPU.
    start silo "$(project_dir Silo)" "$LOAD_CPUS" "${cluster_env[@]}" OrleansMesh__Storage=Memory \
        dotnet OrleansMesh.Silo.dll --urls "http://127.0.0.1:$SILO_HTTP_PORT"
    wait_for silo "http://127.0.0.1:$SILO_HTTP_PORT/healthz" 60 127.0.0.1 || { SKIPPED+=("mesh: the silo did not start, see $WORK/silo.log"); stop silo; return; }

    # The same log level as the plain YARP proxy (Warning). As shipped, the gateway's appsettings.json writes no line
    # per request either (Tests/Gateway.Tests/Hosting/ShippedLoggingTests.cs); Warning also quiets its start-up lines.
    start gateway "$(project_dir Gateway)" "$PROXY_CPUS" "${cluster_env[@]}" Logging__LogLevel__Default=Warning \
        dotnet OrleansMesh.Gateway.dll --urls "http://127.0.0.1:$GATEWAY_PORT"

    write_mesh_bench_yaml "$WORK/mesh-bench.yaml"
    if ! meshctl_apply "$(project_dir Cli)" "$WORK/mesh-bench.yaml" "$WORK/meshctl.log" on_cpus "$LOAD_CPUS" "${cluster_env[@]}"; then
        log "meshctl apply output:"; cat "$WORK/meshctl.log" >&2
        SKIPPED+=("mesh: meshctl apply failed, see $WORK/meshctl.log")
        stop gateway; stop silo
        return
    fi

    if wait_for gateway "http://127.0.0.1:$GATEWAY_PORT$TEST_PATH" "$READY_TIMEOUT"; then
        measure_all mesh "http://127.0.0.1:$GATEWAY_PORT$TEST_PATH" "${PIDS[gateway]}"
        measure_resilient
    else
        SKIPPED+=("mesh: the gateway never returned 200 for $TEST_PATH, see $WORK/gateway.log")
    fi
    stop gateway
    stop silo
}

# The same gateway and route with the resilience layer on: the cluster-wide breaker, outlier detection and a
# cluster-wide rate limit far above the load (so it never limits, but every request takes a leased token).
measure_resilient() {
    cat > "$WORK/mesh-resilience.yaml" <<EOF
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: bench-backend
  namespace: default
spec:
  host: $HOST_HEADER
  trafficPolicy:
    outlierDetection:
      consecutive5xxErrors: 5
      interval: 10s
      baseEjectionTime: 30s
    x-orleansmesh:
      circuitBreaker:
        failurePercentage: 50
        minimumRequests: 20
      rateLimit:
        requestsPerUnit: 100000000
        unit: SECOND
EOF
    if (cd "$(project_dir Cli)" && on_cpus "$LOAD_CPUS" "${cluster_env[@]}" dotnet meshctl.dll apply -f "$WORK/mesh-resilience.yaml") > "$WORK/meshctl-resilience.log" 2>&1; then
        sleep 2
        measure_all mesh-resilient "http://127.0.0.1:$GATEWAY_PORT$TEST_PATH" "${PIDS[gateway]}"
        # The plain route again on the now warm gateway: tells the resilience layer's cost from the gateway's warm-up.
        if (cd "$(project_dir Cli)" && on_cpus "$LOAD_CPUS" "${cluster_env[@]}" dotnet meshctl.dll delete dr bench-backend) > "$WORK/meshctl-plain-again.log" 2>&1; then
            sleep 2
            measure_all mesh-warm "http://127.0.0.1:$GATEWAY_PORT$TEST_PATH" "${PIDS[gateway]}"
        fi
    else
        SKIPPED+=("mesh-resilient: meshctl apply failed, see $WORK/meshctl-resilience.log")
    fi
}

for target in $TARGETS; do
    case $target in
        direct | yarp | nginx | haproxy | portkey | mesh) "run_$target" ;;
        *) log "unknown target '$target'" ;;
    esac
done
stop backend

# --- Report ------------------------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b + 0 == 0) print "–"; else printf "%.2f", a / b }'; }

describe() {
    local name=$1
    case $name in
        direct) echo "direct to the backend (CPU: the backend's)" ;;
        yarp) echo "plain YARP 2.3 (static config, Server GC)" ;;
        nginx) echo "nginx $(nginx -v 2>&1 | sed 's/.*nginx\///'), worker_processes $PROXY_WORKERS, upstream keepalive" ;;
        haproxy) echo "haproxy $(haproxy -v 2>/dev/null | awk 'NR == 1 { print $3 }'), nbthread $PROXY_WORKERS, http-reuse always" ;;
        portkey) echo "Portkey AI gateway $(node -p "require('$PORTKEY_DIR/node_modules/@portkey-ai/gateway/package.json').version" 2>/dev/null) (Node $(node --version 2>/dev/null), provider openai, custom host)" ;;
        mesh) echo "OrleansMesh gateway (YARP forwarder + mesh routing)" ;;
        mesh-resilient) echo "OrleansMesh gateway + breaker, outlier detection, cluster-wide rate limit (not limiting)" ;;
        mesh-warm) echo "OrleansMesh gateway, plain route again after the resilience run (warm process)" ;;
    esac
}

workload_title() {
    case $1 in
        get) echo "GET $TEST_PATH (routed on the path)" ;;
        chat) echo "POST $TEST_PATH with a JSON body naming the model (the mesh gateway routes on \`model\`)" ;;
    esac
}

compare() {
    local label=$1 a=$2 b=$3
    [[ -n "${RPS[$a]:-}" && -n "${RPS[$b]:-}" ]] || return 0
    echo "$label: req/s $(ratio "${RPS[$a]}" "${RPS[$b]}")×, CPU per request $(ratio "${CPU_US[$a]}" "${CPU_US[$b]}")×, p50 $(ratio "${P50[$a]}" "${P50[$b]}")×, p99 $(ratio "${P99[$a]}" "${P99[$b]}")×."
}

table() {
    local workload name key
    for workload in $WORKLOADS; do
        echo "### $(workload_title "$workload")"
        echo
        echo "| Target | Requests/s | p50 (ms) | p99 (ms) | CPU µs/request | CPU cores busy | req/s vs direct | p99 vs direct | Errors |"
        echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
        for name in direct yarp nginx haproxy portkey mesh mesh-resilient mesh-warm; do
            key="$name:$workload"
            [[ -n "${RPS[$key]:-}" ]] || continue
            printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$(describe "$name")" "${RPS[$key]}" "${P50[$key]}" "${P99[$key]}" \
                "${CPU_US[$key]}" "${CORES[$key]}" "$(ratio "${RPS[$key]}" "${RPS[direct:$workload]:-}")" \
                "$(ratio "${P99[$key]}" "${P99[direct:$workload]:-}")" "${NOTE[$key]:-none}"
        done
        echo
        compare "Mesh gateway vs plain YARP" "mesh:$workload" "yarp:$workload"
        compare "Mesh gateway with the resilience layer vs plain YARP" "mesh-resilient:$workload" "yarp:$workload"
        compare "Mesh gateway, warm, vs plain YARP" "mesh-warm:$workload" "yarp:$workload"
        echo
    done
    for skipped in "${SKIPPED[@]}"; do
        echo "Not measured — $skipped"
        echo
    done
}

machine() {
    echo '```'
    lscpu | grep -E '^(Architecture|CPU\(s\)|Model name|Thread\(s\) per core|Core\(s\) per socket|Socket\(s\)|CPU MHz|L2 cache|L3 cache|Hypervisor vendor|Virtualization type)' || true
    echo "nproc: $(nproc)"
    free -g
    dotnet --info | head -n 12
    echo '```'
}

TABLE=$(table)
echo
echo "$TABLE"

mkdir -p "$RESULTS_DIR"
{
    echo "# Load benchmark — $(date -u +'%Y-%m-%d %H:%M UTC')"
    echo
    echo "Command: \`Benchmarks/Load/run.sh\` with BENCH_DURATION=$DURATION BENCH_WARMUP=$WARMUP BENCH_CONNECTIONS=$CONNECTIONS BENCH_THREADS=$THREADS BENCH_PIN=$PIN BENCH_TARGETS=\"$TARGETS\" BENCH_WORKLOADS=\"$WORKLOADS\"${BENCH_FEATURES:+ BENCH_FEATURES=$BENCH_FEATURES}."
    echo
    echo "Load: \`wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency -H 'Host: $HOST_HEADER' http://127.0.0.1:PORT$TEST_PATH\` after $WARMUP of discarded warm-up load per workload;"
    echo "on each proxy process first the warm-up of every workload, then the measured runs, in this order: $WORKLOADS (\`chat\` adds \`-s Benchmarks/Load/chat.lua\`: POST, \`Content-Type: application/json\`, body \`$CHAT_BODY\`)."
    echo "HTTP/1.1 keep-alive from wrk to the proxy and from the proxy to the backend (a Kestrel app returning a fixed 104-byte JSON body)."
    echo "CPU µs/request: user+system CPU of the proxy's processes (nginx: master and workers) during the measured run, from /proc/<pid>/stat"
    echo "(clock ticks of 1/$CLK_TCK s), divided by the requests wrk completed; CPU cores busy: the same CPU over the run's wall time."
    echo "Load average at start: $LOADAVG_START; at the end: $(cut -d' ' -f1-3 /proc/loadavg) (other agents building on the same 2 cores)."
    echo "CPU placement: $PLACEMENT. The machine has $(nproc) cores shared by wrk, the proxy and the backend, so absolute numbers are low and"
    echo "ratios matter more than the figures; direct is the ceiling of the load side (wrk + backend) alone."
    echo
    echo "$TABLE"
    echo
    echo "## Machine"
    echo
    machine
} > "$RESULTS_FILE"
log "results written to $RESULTS_FILE"
