#!/usr/bin/env bash
# Time to first token (TTFT) of streamed chat completions, direct to a demo model server vs through the mesh gateway
# (issue 6's figure: within 2 ms). Starts the dev mesh (`Silo dev`: a silo, the gateway and the demo model servers
# chat-model v1 on :9001 and v2 on :9002 in one process), then sends N streamed requests to each target one at a time,
# interleaved: direct to v2 (127.0.0.1:9002) and through the gateway with `x-canary: true` (routed to the same v2).
# Writes Benchmarks/results/streaming-<date>.md.
#   BENCH_REQUESTS=500  measured requests per target      BENCH_WARMUP=50  warm-up pairs
#   BENCH_PORT_BASE=5700  gateway on +1, Orleans silo and gateway ports on +2 and +3
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
REQUESTS=${BENCH_REQUESTS:-500}
WARMUP=${BENCH_WARMUP:-50}
PORT_BASE=${BENCH_PORT_BASE:-5700}
GATEWAY_PORT=$((PORT_BASE + 1))
OUT=${BENCH_RESULTS_FILE:-$ROOT/Benchmarks/results/streaming-$(date +%F).md}
WORK=$(mktemp -d /tmp/orleansmesh-streaming.XXXXXX)
log() { printf '[streaming] %s\n' "$*" >&2; }

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in 9001 9002 "$GATEWAY_PORT" $((PORT_BASE + 2)) $((PORT_BASE + 3)); do
    port_free "$port" || { log "port $port on 127.0.0.1 is in use (the dev mesh needs 9001, 9002 and BENCH_PORT_BASE+1..3)"; exit 1; }
done

log "building Silo and the benchmark (Release)"
for project in Silo/Silo.csproj Benchmarks/Streaming/Streaming.csproj; do
    dotnet build -c Release -nologo -v q "$ROOT/$project" > "$WORK/build.log" 2>&1 \
        || { sleep 5; dotnet build -c Release -nologo -v q "$ROOT/$project" >> "$WORK/build.log" 2>&1; } \
        || { log "build of $project failed: $WORK/build.log"; exit 1; }
done

log "starting the dev mesh (gateway on 127.0.0.1:$GATEWAY_PORT); logs in $WORK/mesh.log"
(
    cd "$WORK"
    OrleansMesh__SiloPort=$((PORT_BASE + 2)) OrleansMesh__GatewayPort=$((PORT_BASE + 3)) \
    OrleansMesh__Gateway__AccessLog__Enabled=false Logging__LogLevel__Default=Warning \
        exec dotnet "$ROOT/Silo/bin/Release/net10.0/OrleansMesh.Silo.dll" dev --urls "http://127.0.0.1:$GATEWAY_PORT"
) > "$WORK/mesh.log" 2>&1 &
MESH_PID=$!
trap 'kill "$MESH_PID" 2>/dev/null || true; wait "$MESH_PID" 2>/dev/null || true' EXIT

ready=0
for _ in $(seq 240); do
    if curl -fsS -o /dev/null -H 'Host: chat-model' -H 'x-canary: true' -H 'content-type: application/json' \
        -d '{"model":"chat-model","max_tokens":1,"messages":[{"role":"user","content":"hi"}]}' \
        "http://127.0.0.1:$GATEWAY_PORT/v1/chat/completions" 2>/dev/null; then
        ready=1
        break
    fi
    sleep 0.5
done
[[ $ready == 1 ]] || { log "the gateway did not route within 120 s; see $WORK/mesh.log"; exit 1; }

CPU=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)
NOTE="$(date -u '+%F %H:%M UTC'), $(nproc) cores ($CPU), load average $(cut -d' ' -f1-3 /proc/loadavg) at start. Dev mesh in one process (silo, gateway, model servers with 20 ms between tokens); client in another; all on loopback, HTTP/1.1, keep-alive. Direct: http://127.0.0.1:9002 (chat-model v2). Gateway: Host chat-model, \`x-canary: true\` (the demo's route to the same v2)."
dotnet "$ROOT/Benchmarks/Streaming/bin/Release/net10.0/OrleansMesh.Benchmarks.Streaming.dll" \
    --direct http://127.0.0.1:9002 --gateway "http://127.0.0.1:$GATEWAY_PORT" --host chat-model --header x-canary=true \
    --requests "$REQUESTS" --warmup "$WARMUP" --out "$OUT" --note "$NOTE"
log "written to $OUT"
