#!/usr/bin/env bash
# Many concurrent streamed responses through one gateway (issue 12: 10,000 SSE streams, a token every 50 ms; goal
# under 20 KB of gateway memory per open stream and under 2 ms of added p99 delay between tokens).
# For each stream count: a fresh gateway (pinned to CPU 0) is warmed with a few hundred streams, then the client
# (Benchmarks/Concurrency `client`) opens N streams direct to the SSE backend and then N through the gateway. Per
# token it records the delay from the backend's write to the client's read (both CLOCK_MONOTONIC) and the gap since
# the previous token; it reads the watched process's VmRSS before the first stream and with all N open.
# Writes Benchmarks/results/streams-<date>.md.
#
# Settings (environment):
#   BENCH_STREAMS="1000 2500 10000"   stream counts, in order (each with a fresh gateway)
#   BENCH_WINDOW=10          measured seconds, after the ramp (N/1000 s, at least 2) and 3 s to settle
#   BENCH_INTERVAL_MS=50     time between tokens
#   BENCH_UPSTREAM=auto      gateway→backend protocol: http1, http2 (h2c, ServiceEntry port protocol HTTP2), or
#                            auto: http1 when the gateway's fd limit (ulimit -n) holds 2 sockets per stream, else http2
#   BENCH_SOURCE_ADDRESSES=4 the client spreads its connections over 127.0.0.1..K (ephemeral ports are per address)
#   BENCH_PORT_BASE=5680     backend HTTP/1.1 +1, backend h2c +2, gateway +5, silo http +6
#   BENCH_SILO_PORT=21711 BENCH_ORLEANS_GATEWAY_PORT=21730
#   BENCH_PATHS="direct gateway" which paths to run per stream count; "yarp" adds plain YARP (Benchmarks/Load/YarpProxy,
#                            static config, the same upstream protocol, pinned like the gateway), the peer to compare with
#   BENCH_GATEWAY_ENV="DOTNET_SYSTEM_BUFFERS_SHAREDARRAYPOOL_MAXARRAYSPERPARTITION=1024"  the gateway's environment
#                            beyond the cluster settings; the default is the image's (Gateway/Dockerfile); "" runs it
#                            with the runtime's defaults; e.g. add "DOTNET_gcServer=0" for Workstation GC
#   BENCH_WARMUP_STREAMS=300 BENCH_WARMUP_WINDOW=3   each proxy's warm-up before it is measured: streams and seconds
#                            (at the measured interval); a long one lets the runtime finish tiering up first
#   BENCH_HEAP_TOOLS=~/.dotnet/tools  where dotnet-gcdump and dotnet-counters are (`dotnet tool install -g dotnet-gcdump
#                            dotnet-counters`); "none" skips the heap probe. The dumps are kept in the run's log directory.
#   BENCH_SKIP_BUILD=1, BENCH_RESULTS_FILE
# Everything listens on 127.0.0.1 only; every process started here is stopped on exit.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
STREAM_COUNTS=${BENCH_STREAMS:-"1000 2500 10000"}
WINDOW=${BENCH_WINDOW:-10}
INTERVAL_MS=${BENCH_INTERVAL_MS:-50}
UPSTREAM=${BENCH_UPSTREAM:-auto}
SOURCE_ADDRESSES=${BENCH_SOURCE_ADDRESSES:-4}
WARMUP_STREAMS=${BENCH_WARMUP_STREAMS:-300}
WARMUP_WINDOW=${BENCH_WARMUP_WINDOW:-3}
WARMUP_RAMP=$(( WARMUP_STREAMS / 1000 > 1 ? WARMUP_STREAMS / 1000 : 1 ))
PORT_BASE=${BENCH_PORT_BASE:-5680}
HTTP1_PORT=$((PORT_BASE + 1))
H2C_PORT=$((PORT_BASE + 2))
GATEWAY_PORT=$((PORT_BASE + 5))
SILO_HTTP_PORT=$((PORT_BASE + 6))
SILO_PORT=${BENCH_SILO_PORT:-21711}
ORLEANS_GATEWAY_PORT=${BENCH_ORLEANS_GATEWAY_PORT:-21730}
PATHS=${BENCH_PATHS:-"direct gateway"}
BENCH_GATEWAY_ENV=${BENCH_GATEWAY_ENV-DOTNET_SYSTEM_BUFFERS_SHAREDARRAYPOOL_MAXARRAYSPERPARTITION=1024}
read -r -a GATEWAY_ENV <<< "$BENCH_GATEWAY_ENV"
HEAP_TOOLS=${BENCH_HEAP_TOOLS:-"$HOME/.dotnet/tools"}
HOST_HEADER=backend.bench.local
RESULTS_FILE=${BENCH_RESULTS_FILE:-"$ROOT/Benchmarks/results/streams-$(date +%Y-%m-%d).md"}
WORK=$(mktemp -d /tmp/orleansmesh-streams.XXXXXX)
PROXY_CPUS=0
LOAD_CPUS=1
LOG_TAG=streams
STOP_GRACE=100
# shellcheck source=../lib/processes.sh
source "$ROOT/Benchmarks/lib/processes.sh"
for port in "$HTTP1_PORT" "$H2C_PORT" "$GATEWAY_PORT" "$SILO_HTTP_PORT" "$SILO_PORT" "$ORLEANS_GATEWAY_PORT"; do
    port_free "$port" || { log "port $port on 127.0.0.1 is in use; set BENCH_PORT_BASE / BENCH_SILO_PORT / BENCH_ORLEANS_GATEWAY_PORT"; exit 1; }
done

YARP_PORT=$((PORT_BASE + 3))
if [[ " $PATHS " == *" yarp "* ]] && ! port_free "$YARP_PORT"; then
    log "port $YARP_PORT on 127.0.0.1 is in use; set BENCH_PORT_BASE"
    exit 1
fi

# --- Limits: each process may hold `ulimit -n` descriptors; a stream costs the client and the backend one socket
# each, and the gateway two over HTTP/1.1 (client side and upstream) but one over h2c (streams share connections).
FD_LIMIT=$(ulimit -n)
MAX_STREAMS=0
for n in $STREAM_COUNTS; do (( n > MAX_STREAMS )) && MAX_STREAMS=$n; done
if [[ $UPSTREAM == auto ]]; then
    if (( 2 * MAX_STREAMS + 1000 <= FD_LIMIT )); then UPSTREAM=http1; else UPSTREAM=http2; fi
fi
(( MAX_STREAMS + 1000 <= FD_LIMIT )) || { log "ulimit -n is $FD_LIMIT: too few for $MAX_STREAMS streams in one process"; exit 1; }
log "fd limit $FD_LIMIT, ephemeral ports $(tr '\t' '-' < /proc/sys/net/ipv4/ip_local_port_range); gateway upstream: $UPSTREAM"

# --- Build -------------------------------------------------------------------------------------------------
if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
    for project in Benchmarks/Concurrency/Concurrency.csproj Silo/Silo.csproj Gateway/Gateway.csproj Cli/Cli.csproj Benchmarks/Load/YarpProxy/YarpProxy.csproj; do
        log "dotnet build -c Release $project"
        dotnet build -c Release -nologo -v q "$ROOT/$project" > "$WORK/build.log" 2>&1 \
            || { sleep 5; dotnet build -c Release -nologo -v q "$ROOT/$project" >> "$WORK/build.log" 2>&1; } \
            || { log "build of $project failed: $WORK/build.log"; exit 1; }
    done
fi

TOOL=(dotnet "$(bin Benchmarks/Concurrency)/OrleansMesh.Benchmarks.Concurrency.dll")
CLUSTER_ENV=(env "OrleansMesh__SiloPort=$SILO_PORT" "OrleansMesh__GatewayPort=$ORLEANS_GATEWAY_PORT")
LOADAVG_START=$(cut -d' ' -f1-3 /proc/loadavg)

start backend "$WORK" "$LOAD_CPUS" "${TOOL[@]}" backend --http1-port "$HTTP1_PORT" --h2c-port "$H2C_PORT" --interval-ms "$INTERVAL_MS"
start silo "$(bin Silo)" "$LOAD_CPUS" "${CLUSTER_ENV[@]}" OrleansMesh__Storage=Memory dotnet OrleansMesh.Silo.dll --urls "http://127.0.0.1:$SILO_HTTP_PORT"
for _ in $(seq 1 120); do
    curl -fs -o /dev/null "http://127.0.0.1:$SILO_HTTP_PORT/healthz" && break
    sleep 0.5
done
if [[ $UPSTREAM == http2 ]]; then PROTOCOL=HTTP2; UPSTREAM_PORT=$H2C_PORT; else PROTOCOL=HTTP; UPSTREAM_PORT=$HTTP1_PORT; fi
cat > "$WORK/mesh.yaml" <<EOF
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: bench-backend, namespace: default}
spec:
  hosts: [$HOST_HEADER]
  location: MESH_INTERNAL
  resolution: STATIC
  ports: [{number: 80, name: http, protocol: $PROTOCOL}]
  endpoints: [{address: 127.0.0.1, ports: {http: $UPSTREAM_PORT}}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: bench-backend, namespace: default}
spec:
  hosts: [$HOST_HEADER]
  http:
  - name: by-model
    match: [{headers: {x-mesh-model: {exact: bench-model}}}]
    route: [{destination: {host: $HOST_HEADER}}]
EOF
applied=0
for attempt in 1 2 3 4 5 6; do
    (cd "$(bin Cli)" && taskset -c "$LOAD_CPUS" "${CLUSTER_ENV[@]}" dotnet meshctl.dll apply -f "$WORK/mesh.yaml") > "$WORK/meshctl.log" 2>&1 && { applied=1; break; }
    log "meshctl apply failed (attempt $attempt): $(tail -n 1 "$WORK/meshctl.log")"
    sleep 2
done
[[ $applied == 1 ]] || { log "meshctl apply failed: $WORK/meshctl.log"; exit 1; }

GATEWAY_URL="http://127.0.0.1:$GATEWAY_PORT/v1/chat/completions"
DIRECT_URL="http://127.0.0.1:$HTTP1_PORT/v1/chat/completions"
RESULTS="$WORK/results.txt"

HEAP_ARGS=()
if [[ $HEAP_TOOLS != none && -x "$HEAP_TOOLS/dotnet-gcdump" && -x "$HEAP_TOOLS/dotnet-counters" ]]; then
    HEAP_ARGS=(--heap-tools "$HEAP_TOOLS" --dump-dir "$WORK/dumps")
else
    log "no heap probe (dotnet-gcdump and dotnet-counters not in ${HEAP_TOOLS}): RSS only"
fi

client() {
    local label=$1 url=$2 pid=$3 streams=$4 ramp
    ramp=$(( streams / 1000 )); (( ramp < 2 )) && ramp=2
    log "$label: $streams streams (ramp ${ramp}s, window ${WINDOW}s) on $url"
    taskset -c "$LOAD_CPUS" "${TOOL[@]}" client --url "$url" --host "$HOST_HEADER" --streams "$streams" --ramp-s "$ramp" --settle-s 3 \
        --window-s "$WINDOW" --interval-ms "$INTERVAL_MS" --watch-pid "$pid" --label "$label" --source-addresses "$SOURCE_ADDRESSES" --out "$RESULTS" "${HEAP_ARGS[@]}" >&2 \
        || log "$label: the client failed"
}

# await_route NAME URL: waits (at most 120 s) until a streamed chat request through proxy NAME answers 200.
await_route() {
    local name=$1 url=$2
    for _ in $(seq 1 240); do
        [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 5 -H "Host: $HOST_HEADER" -H 'Content-Type: application/json' \
            -d '{"model":"bench-model","stream":true,"max_tokens":1}' "$url" || true) == 200 ]] && return 0
        sleep 0.5
    done
    log "$name did not route within 120 s: $WORK/$name.log"
    exit 1
}

# warm URL LABEL: the warm-up streams (BENCH_WARMUP_STREAMS for BENCH_WARMUP_WINDOW s) through URL, not reported.
warm() {
    taskset -c "$LOAD_CPUS" "${TOOL[@]}" client --url "$1" --host "$HOST_HEADER" --streams "$WARMUP_STREAMS" --ramp-s "$WARMUP_RAMP" \
        --settle-s 1 --window-s "$WARMUP_WINDOW" --interval-ms "$INTERVAL_MS" --label warmup > "$WORK/$2.txt" 2>&1
}

for streams in $STREAM_COUNTS; do
    start gateway "$(bin Gateway)" "$PROXY_CPUS" "${CLUSTER_ENV[@]}" "${GATEWAY_ENV[@]}" Logging__LogLevel__Default=Warning \
        dotnet OrleansMesh.Gateway.dll --urls "http://127.0.0.1:$GATEWAY_PORT"
    await_route gateway "$GATEWAY_URL"
    # Warm-up (JIT, pools): streams through the gateway, not reported.
    warm "$GATEWAY_URL" "warmup-$streams"
    sleep 2
    if [[ " $PATHS " == *" direct "* ]]; then
        client "direct-$streams" "$DIRECT_URL" "${PIDS[backend]}" "$streams"
        sleep 2
    fi
    [[ " $PATHS " == *" gateway "* ]] && client "gateway-$streams" "$GATEWAY_URL" "${PIDS[gateway]}" "$streams"
    stop gateway
    sleep 2
    if [[ " $PATHS " == *" yarp "* ]]; then
        # Plain YARP, same upstream protocol and GC environment as the gateway, warmed the same way.
        YARP_ARGS=(--urls "http://127.0.0.1:$YARP_PORT" "--ReverseProxy:Clusters:backend:Destinations:d1:Address=http://127.0.0.1:$UPSTREAM_PORT")
        [[ $UPSTREAM == http2 ]] && YARP_ARGS+=(--ReverseProxy:Clusters:backend:HttpRequest:Version=2 --ReverseProxy:Clusters:backend:HttpRequest:VersionPolicy=RequestVersionExact)
        start yarp "$(bin Benchmarks/Load/YarpProxy)" "$PROXY_CPUS" env "${GATEWAY_ENV[@]}" dotnet OrleansMesh.Benchmarks.YarpProxy.dll "${YARP_ARGS[@]}"
        YARP_URL="http://127.0.0.1:$YARP_PORT/v1/chat/completions"
        await_route yarp "$YARP_URL"
        warm "$YARP_URL" "warmup-yarp-$streams"
        sleep 2
        client "yarp-$streams" "$YARP_URL" "${PIDS[yarp]}" "$streams"
        stop yarp
        sleep 2
    fi
done
stop silo
stop backend

# --- Report ------------------------------------------------------------------------------------------------
field() { sed -n "s/.*\blabel=$1 .*\b$2=\([^ ]*\).*/\1/p" "$RESULTS" | tail -n 1; }
sub() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "") print "–"; else printf "%+.2f", a - b }'; }
# One row per stream count the gateway ran: the gateway's value minus path $1's, for each named field.
differences() {
    local base=$1 streams name row
    shift
    for streams in $STREAM_COUNTS; do
        grep -q "label=gateway-$streams " "$RESULTS" 2> /dev/null || continue
        row="| $streams |"
        for name in "$@"; do
            row+=" $(sub "$(field "gateway-$streams" "$name")" "$(field "$base-$streams" "$name")") |"
        done
        echo "$row"
    done
}
{
    echo "# Concurrent streams through one gateway — $(date -u +'%Y-%m-%d %H:%M UTC')"
    echo
    echo "Command: \`Benchmarks/Concurrency/run.sh\` with BENCH_STREAMS=\"$STREAM_COUNTS\" BENCH_WINDOW=$WINDOW BENCH_INTERVAL_MS=$INTERVAL_MS BENCH_UPSTREAM=$UPSTREAM BENCH_SOURCE_ADDRESSES=$SOURCE_ADDRESSES BENCH_PATHS=\"$PATHS\" BENCH_WARMUP_STREAMS=$WARMUP_STREAMS BENCH_WARMUP_WINDOW=$WARMUP_WINDOW BENCH_GATEWAY_ENV=\"$BENCH_GATEWAY_ENV\"."
    echo
    echo "An SSE backend (\`Benchmarks/Concurrency backend\`, Kestrel) writes one ~170-byte OpenAI chunk per stream every ${INTERVAL_MS} ms, stamped with"
    echo "CLOCK_MONOTONIC; the client (\`client\`, HttpClient, HTTP/1.1, one connection per stream, spread over $SOURCE_ADDRESSES source addresses"
    echo "127.0.0.1..$SOURCE_ADDRESSES) opens N streamed POST /v1/chat/completions (the gateway routes them on the body's \`model\`), started evenly over"
    echo "N/1000 s (at least 2), waits 3 s, then measures ${WINDOW} s: per token, *delay* = client read − backend write; *gap* = time since the"
    echo "stream's previous token. Gateway→backend: $UPSTREAM (port protocol $PROTOCOL). Each stream count gets a fresh gateway (pinned to"
    echo "CPU 0; client, backend and control plane on CPU 1), warmed with $WARMUP_STREAMS streams for ${WARMUP_WINDOW} s first. *Memory per stream*: the watched process's VmRSS with"
    echo "N streams open (middle of the window) minus before the first stream, over the streams open. fd limit \`ulimit -n\` = $FD_LIMIT (it cannot"
    echo "be raised here: no CAP_SYS_RESOURCE), ephemeral ports $(tr '\t' '-' < /proc/sys/net/ipv4/ip_local_port_range)."
    echo "Gateway environment: \`${BENCH_GATEWAY_ENV:-(runtime defaults)}\`."
    echo "Load average at start: $LOADAVG_START; at the end: $(cut -d' ' -f1-3 /proc/loadavg) (other agents building on the same 2 cores)."
    echo
    echo "| Streams | Path | Open | Failed | Tokens measured | Delay p50 / p99 / p99.9 (ms) | Gap p50 / p99 (ms) | RSS before → open (MB) | RSS KB per stream | CPU cores (watched) |"
    echo "| ---: | --- | ---: | ---: | ---: | --- | --- | --- | ---: | ---: |"
    for streams in $STREAM_COUNTS; do
        for path in direct gateway yarp; do
            label="$path-$streams"
            grep -q "label=$label " "$RESULTS" 2> /dev/null || continue
            printf '| %s | %s | %s | %s | %s | %s / %s / %s | %s / %s | %s → %s | %s | %s |\n' "$streams" \
                "$(case $path in direct) echo "direct (watched: backend)" ;; yarp) echo "plain YARP (watched: YARP)" ;; *) echo "gateway (watched: gateway)" ;; esac)" \
                "$(field "$label" open)" "$(field "$label" failed)" "$(field "$label" tokens)" \
                "$(field "$label" delay_p50_ms)" "$(field "$label" delay_p99_ms)" "$(field "$label" delay_p999_ms)" \
                "$(field "$label" gap_p50_ms)" "$(field "$label" gap_p99_ms)" "$(field "$label" rss_before_mb)" "$(field "$label" rss_open_mb)" \
                "$(field "$label" kb_per_stream)" "$(field "$label" watched_cpu_cores)"
        done
    done
    if grep -q "gc_heap_kb_per_stream=" "$RESULTS" 2> /dev/null; then
        echo
        echo "Memory right after a full blocking GC (induced by \`dotnet-gcdump collect\`), before the first stream and after the window with"
        echo "the streams still open (*open at probe*). *GC heap*: the runtime's heap size after that GC (live objects + fragmentation);"
        echo "*live objects*: what the heap dump walked; *GC committed*: memory the GC kept committed (heap + its free space/budget);"
        echo "*RSS after GC*: the process's resident set then. Per stream = (open − before) / open at probe. *Allocated*: the process's"
        echo "allocation rate (dotnet-counters) just after the probe's GC, streams still open."
        echo
        echo "| Streams | Path | Open at probe | GC heap before → open (MB) | GC heap KB per stream | Live objects KB per stream | GC committed KB per stream | RSS after GC KB per stream | Allocated (MB/s) |"
        echo "| ---: | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |"
        for streams in $STREAM_COUNTS; do
            for path in direct gateway yarp; do
                label="$path-$streams"
                grep -q "label=$label .*gc_heap_kb_per_stream=" "$RESULTS" 2> /dev/null || continue
                printf '| %s | %s | %s | %s → %s | %s | %s | %s | %s | %s |\n' "$streams" "$(case $path in direct) echo "direct (backend)" ;; yarp) echo "plain YARP" ;; *) echo "gateway" ;; esac)" \
                    "$(field "$label" probe_open)" "$(field "$label" gc_heap_before_mb)" "$(field "$label" gc_heap_open_mb)" \
                    "$(field "$label" gc_heap_kb_per_stream)" "$(field "$label" live_dump_kb_per_stream)" \
                    "$(field "$label" gc_committed_kb_per_stream)" "$(field "$label" rss_after_gc_kb_per_stream)" "$(field "$label" allocated_mb_per_s)"
            done
        done
    fi
    echo
    echo "Added by the gateway (gateway − direct), ms:"
    echo
    echo "| Streams | Delay p50 | Delay p99 | Gap p99 |"
    echo "| ---: | ---: | ---: | ---: |"
    differences direct delay_p50_ms delay_p99_ms gap_p99_ms
    if grep -q "label=yarp-" "$RESULTS" 2> /dev/null; then
        echo
        echo "The gateway beside plain YARP (gateway − YARP; memory in KB per stream, delays in ms):"
        echo
        echo "| Streams | RSS per stream | Delay p50 | Delay p99 | Gap p99 |"
        echo "| ---: | ---: | ---: | ---: | ---: |"
        differences yarp kb_per_stream delay_p50_ms delay_p99_ms gap_p99_ms
    fi
    echo
    echo "Raw client lines:"
    echo
    echo '```'
    cat "$RESULTS"
    echo '```'
    echo
    echo "## Machine"
    echo
    echo '```'
    lscpu | grep -E '^(Architecture|CPU\(s\)|Model name|Hypervisor vendor)' || true
    echo '```'
} > "$RESULTS_FILE"
log "results written to $RESULTS_FILE"
