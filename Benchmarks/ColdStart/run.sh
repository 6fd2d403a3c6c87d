#!/usr/bin/env bash
# Cold start of the mesh gateway (issue 12: a new gateway process reaches 80 % of its warm throughput within 10 s of
# its first request). With the control plane already running and the route already applied, for each variant:
#   1. start a new gateway process (pinned to CPU 0, like the load benchmark's proxies);
#   2. time from the exec to the first 200 on the model-routed POST /v1/chat/completions (curl every 20 ms);
#   3. right after it, ten 1-second wrk runs back to back: requests/s in each of the first 10 s;
#   4. BENCH_WARM_LOAD of load more (discarded), then a 10 s run: the warm requests/s of the same process;
#   5. three more 1-s runs on the warm process: a control for what the 1-s runs of step 3 can show at most;
# and reports each second as a fraction of warm. Variants are runtime settings of the same build (environment
# variables, which win over runtimeconfig.json) and a ReadyToRun publish of the gateway, so Gateway.csproj is not
# changed to measure them. Writes Benchmarks/results/coldstart-<date>.md.
#
# Settings (environment):
#   BENCH_VARIANTS="default r2r pgo-off tc-off delay0"   which variants, in order (see variant_env below; also
#                            r2r-pgo-off, quickjit-off, r2r-delay0, delay0-pgo-off, delay100)
#   BENCH_ROUNDS=1           rounds over all variants (round-robin, so machine load drifts over all of them alike)
#   BENCH_WARM_LOAD=40s      load between the first 10 s and the warm measurement
#   BENCH_CONNECTIONS=32     wrk connections
#   BENCH_PORT_BASE=5660     backend +1, gateway +5, silo http +6
#   BENCH_SILO_PORT=21811 BENCH_ORLEANS_GATEWAY_PORT=21830   the control plane's localhost clustering ports
#   BENCH_SKIP_BUILD=1       reuse the Release build (and the ReadyToRun publish in $BENCH_R2R_DIR, if set)
#   BENCH_RESULTS_FILE       default Benchmarks/results/coldstart-<date>.md
# Everything listens on 127.0.0.1 only; every process started here is stopped on exit.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
VARIANTS=${BENCH_VARIANTS:-"default r2r pgo-off tc-off delay0"}
ROUNDS=${BENCH_ROUNDS:-1}
WARM_LOAD=${BENCH_WARM_LOAD:-40s}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
PORT_BASE=${BENCH_PORT_BASE:-5660}
BACKEND_PORT=$((PORT_BASE + 1))
GATEWAY_PORT=$((PORT_BASE + 5))
SILO_HTTP_PORT=$((PORT_BASE + 6))
SILO_PORT=${BENCH_SILO_PORT:-21811}
ORLEANS_GATEWAY_PORT=${BENCH_ORLEANS_GATEWAY_PORT:-21830}
HOST_HEADER=backend.bench.local
TEST_PATH=/v1/chat/completions
CHAT_SCRIPT="$ROOT/Benchmarks/Load/chat.lua"
CHAT_BODY=$(sed -n "s/^wrk.body = '\(.*\)'$/\1/p" "$CHAT_SCRIPT")
RESULTS_FILE=${BENCH_RESULTS_FILE:-"$ROOT/Benchmarks/results/coldstart-$(date +%Y-%m-%d).md"}
WORK=$(mktemp -d /tmp/orleansmesh-coldstart.XXXXXX)
R2R_DIR=${BENCH_R2R_DIR:-"$WORK/gateway-r2r"}
PROXY_CPUS=0
LOAD_CPUS=1
LOG_TAG=coldstart
# shellcheck source=../lib/processes.sh
source "$ROOT/Benchmarks/lib/processes.sh"
for port in "$BACKEND_PORT" "$GATEWAY_PORT" "$SILO_HTTP_PORT" "$SILO_PORT" "$ORLEANS_GATEWAY_PORT"; do
    port_free "$port" || { log "port $port on 127.0.0.1 is in use; set BENCH_PORT_BASE / BENCH_SILO_PORT / BENCH_ORLEANS_GATEWAY_PORT"; exit 1; }
done
command -v wrk > /dev/null || { log "wrk is required (apt-get install wrk)"; exit 1; }

# --- Build -------------------------------------------------------------------------------------------------
if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
    for project in Benchmarks/Load/Backend/Backend.csproj Silo/Silo.csproj Gateway/Gateway.csproj Cli/Cli.csproj; do
        log "dotnet build -c Release $project"
        dotnet build -c Release -nologo -v q "$ROOT/$project" > "$WORK/build.log" 2>&1 \
            || { log "build of $project failed: $WORK/build.log"; exit 1; }
    done
fi
if [[ " $VARIANTS " == *" r2r"* && ! -f "$R2R_DIR/OrleansMesh.Gateway.dll" ]]; then
    # ReadyToRun needs a runtime identifier; framework-dependent, so it runs on the same shared runtime. Its own
    # artifacts folder keeps it apart from the normal build's obj/ and bin/.
    log "dotnet publish Gateway -r linux-x64 -p:PublishReadyToRun=true -> $R2R_DIR"
    dotnet publish "$ROOT/Gateway/Gateway.csproj" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
        --artifacts-path "$WORK/r2r-artifacts" -o "$R2R_DIR" -nologo -v q > "$WORK/publish-r2r.log" 2>&1 \
        || { log "ReadyToRun publish failed: $WORK/publish-r2r.log"; VARIANTS=${VARIANTS//r2r-pgo-off/}; VARIANTS=${VARIANTS//r2r/}; R2R_FAILED=1; }
fi

# variant_env VARIANT: the environment a variant adds to the gateway (DOTNET_* knobs win over runtimeconfig.json).
variant_env() {
    case $1 in
        default | r2r) ;;                                     # Gateway.csproj as committed: TieredPGO on, Server GC
        pgo-off | r2r-pgo-off) echo DOTNET_TieredPGO=0 ;;     # <TieredPGO>false</TieredPGO>
        tc-off) echo DOTNET_TieredCompilation=0 ;;            # <TieredCompilation>false</TieredCompilation>: full JIT at once
        quickjit-off) echo DOTNET_TC_QuickJit=0 ;;            # <TieredCompilationQuickJit>false</TieredCompilationQuickJit>
        delay0 | r2r-delay0) echo DOTNET_TC_CallCountingDelayMs=0 ;;  # tier up without waiting for start-up JIT activity to settle
        delay0-pgo-off) printf '%s\n' DOTNET_TC_CallCountingDelayMs=0 DOTNET_TieredPGO=0 ;;  # both: no instrumented tier in between
        delay100) echo DOTNET_TC_CallCountingDelayMs=100 ;;  # the runtime's default delay
    esac
}
variant_dir() { case $1 in r2r*) echo "$R2R_DIR" ;; *) bin Gateway ;; esac; }
describe() {
    case $1 in
        default) echo "as committed (JIT, TieredPGO on, call counting without delay)" ;;
        r2r) echo "ReadyToRun publish (PublishReadyToRun=true), TieredPGO on" ;;
        r2r-pgo-off) echo "ReadyToRun publish, TieredPGO off" ;;
        pgo-off) echo "TieredPGO off (DOTNET_TieredPGO=0)" ;;
        tc-off) echo "TieredCompilation off (DOTNET_TieredCompilation=0)" ;;
        quickjit-off) echo "QuickJit off (DOTNET_TC_QuickJit=0)" ;;
        delay0) echo "call counting without delay (DOTNET_TC_CallCountingDelayMs=0)" ;;
        r2r-delay0) echo "ReadyToRun publish + call counting without delay" ;;
        delay0-pgo-off) echo "call counting without delay, TieredPGO off" ;;
        delay100) echo "the runtime's call-counting delay (DOTNET_TC_CallCountingDelayMs=100)" ;;
    esac
}

# --- Control plane and backend (on CPU 1, with wrk) --------------------------------------------------------
CLUSTER_ENV=(env "OrleansMesh__SiloPort=$SILO_PORT" "OrleansMesh__GatewayPort=$ORLEANS_GATEWAY_PORT")
start backend "$(bin Benchmarks/Load/Backend)" "$LOAD_CPUS" dotnet OrleansMesh.Benchmarks.Backend.dll --urls "http://127.0.0.1:$BACKEND_PORT"
start silo "$(bin Silo)" "$LOAD_CPUS" "${CLUSTER_ENV[@]}" OrleansMesh__Storage=Memory dotnet OrleansMesh.Silo.dll --urls "http://127.0.0.1:$SILO_HTTP_PORT"
for _ in $(seq 1 120); do
    curl -fs -o /dev/null "http://127.0.0.1:$SILO_HTTP_PORT/healthz" && break
    sleep 0.5
done
cat > "$WORK/mesh.yaml" <<EOF
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: bench-backend, namespace: default}
spec:
  hosts: [$HOST_HEADER]
  location: MESH_INTERNAL
  resolution: STATIC
  ports: [{number: 80, name: http, protocol: HTTP}]
  endpoints: [{address: 127.0.0.1, ports: {http: $BACKEND_PORT}}]
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

rps_of() { awk '/^Requests\/sec:/ { print $2 }' "$1"; }
WRK=(taskset -c "$LOAD_CPUS" wrk -t1 -c"$CONNECTIONS" -s "$CHAT_SCRIPT" -H "Host: $HOST_HEADER")
URL="http://127.0.0.1:$GATEWAY_PORT$TEST_PATH"

# One cold start: fills FIRST_MS[key], SECONDS_RPS[key] (10 figures) and WARM[key].
declare -A FIRST_MS=() SECONDS_RPS=() WARM=() WARM_1S=()
cold_start() {
    local variant=$1 round=$2 key="$1#$2" env_args=() started now code i per_second=()
    mapfile -t env_args < <(variant_env "$variant")
    log "$variant (round $round): starting a new gateway"
    started=$(date +%s%N)
    start gateway "$(variant_dir "$variant")" "$PROXY_CPUS" "${CLUSTER_ENV[@]}" Logging__LogLevel__Default=Warning "${env_args[@]}" \
        dotnet OrleansMesh.Gateway.dll --urls "http://127.0.0.1:$GATEWAY_PORT"
    code=000
    while [[ $code != 200 ]]; do
        kill -0 "${PIDS[gateway]}" 2> /dev/null || { log "the gateway exited: $(tail -n 5 "$WORK/gateway.log")"; stop gateway; return 1; }
        (( ($(date +%s%N) - started) / 1000000 > 120000 )) && { log "no 200 within 120 s"; stop gateway; return 1; }
        code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 -H "Host: $HOST_HEADER" -H 'Content-Type: application/json' -d "$CHAT_BODY" "$URL" || true)
        [[ $code == 200 ]] || sleep 0.02
    done
    now=$(date +%s%N)
    FIRST_MS[$key]=$(( (now - started) / 1000000 ))
    for i in $(seq 1 10); do
        "${WRK[@]}" -d1s "$URL" > "$WORK/wrk-$variant-$round-s$i.txt" 2>&1
        per_second+=("$(rps_of "$WORK/wrk-$variant-$round-s$i.txt")")
    done
    SECONDS_RPS[$key]="${per_second[*]}"
    "${WRK[@]}" -d"$WARM_LOAD" "$URL" > "$WORK/wrk-$variant-$round-warmload.txt" 2>&1
    "${WRK[@]}" -d10s "$URL" > "$WORK/wrk-$variant-$round-warm.txt" 2>&1
    WARM[$key]=$(rps_of "$WORK/wrk-$variant-$round-warm.txt")
    # Control: the same 1-s runs on the now warm process, so a ceiling of short runs is not mistaken for warm-up.
    local controls=()
    for i in 1 2 3; do
        "${WRK[@]}" -d1s "$URL" > "$WORK/wrk-$variant-$round-control$i.txt" 2>&1
        controls+=("$(rps_of "$WORK/wrk-$variant-$round-control$i.txt")")
    done
    WARM_1S[$key]=$(printf '%s\n' "${controls[@]}" | awk '{ sum += $1 } END { printf "%.0f", sum / NR }')
    log "$variant (round $round): first 200 after ${FIRST_MS[$key]} ms; first 10 s: ${SECONDS_RPS[$key]}; warm ${WARM[$key]} req/s (1-s runs warm: ${WARM_1S[$key]})"
    stop gateway
}

LOADAVG_START=$(cut -d' ' -f1-3 /proc/loadavg)
for round in $(seq 1 "$ROUNDS"); do
    for variant in $VARIANTS; do
        cold_start "$variant" "$round"
    done
done
stop silo
stop backend

# --- Report ------------------------------------------------------------------------------------------------
row() {
    local key=$1 warm=${WARM[$1]} seconds reached="–" i=0 fractions=() s
    read -r -a seconds <<< "${SECONDS_RPS[$key]}"
    for s in "${seconds[@]}"; do
        i=$((i + 1))
        fractions+=("$(awk -v a="$s" -v w="$warm" 'BEGIN { printf "%.0f %%", 100 * a / w }')")
        if [[ $reached == "–" ]] && awk -v a="$s" -v w="$warm" 'BEGIN { exit !(a >= 0.8 * w) }'; then reached="${i} s"; fi
    done
    local IFS='|'
    echo "| $(describe "${key%%#*}") | ${key##*#} | ${FIRST_MS[$key]} | ${warm} | ${WARM_1S[$key]} | ${fractions[*]} | $reached |"
}
{
    echo "# Gateway cold start — $(date -u +'%Y-%m-%d %H:%M UTC')"
    echo
    echo "Command: \`Benchmarks/ColdStart/run.sh\` with BENCH_VARIANTS=\"$VARIANTS\" BENCH_ROUNDS=$ROUNDS BENCH_WARM_LOAD=$WARM_LOAD BENCH_CONNECTIONS=$CONNECTIONS."
    echo
    echo "A new gateway process (pinned to CPU 0) per row, the control plane already running with the route applied"
    echo "(one VirtualService route matching \`x-mesh-model: bench-model\`, i.e. the body's model). *First 200*: from starting"
    echo "the process to the first 200 on POST $TEST_PATH (curl every 20 ms; includes joining the control plane and"
    echo "receiving the route snapshot). Then \`wrk -t1 -c$CONNECTIONS -s Benchmarks/Load/chat.lua\` (wrk, backend and control"
    echo "plane on CPU 1): ten 1-s runs back to back (columns 1 s … 10 s: that second's requests/s as a % of warm), $WARM_LOAD more load, then"
    echo "10 s for the warm figure; *Warm, 1-s runs*: the mean of three more 1-s runs on the warm process (a control: what the short"
    echo "runs of the first 10 s can show at most). *80 % reached*: the first second at or above 80 % of warm (issue 12's goal: within 10 s)."
    echo "Load average at start: $LOADAVG_START; at the end: $(cut -d' ' -f1-3 /proc/loadavg) (other agents building on the same 2 cores)."
    [[ -n "${R2R_FAILED:-}" ]] && echo && echo "ReadyToRun not measured: the publish failed (see $WORK/publish-r2r.log)."
    echo
    echo "| Variant | Round | First 200 (ms) | Warm req/s | Warm, 1-s runs | 1 s | 2 s | 3 s | 4 s | 5 s | 6 s | 7 s | 8 s | 9 s | 10 s | 80 % reached |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    for round in $(seq 1 "$ROUNDS"); do
        for variant in $VARIANTS; do
            [[ -n "${WARM[$variant#$round]:-}" ]] && row "$variant#$round"
        done
    done
    echo
    echo "Requests/s in each of the first 10 s:"
    echo
    echo '```'
    for round in $(seq 1 "$ROUNDS"); do
        for variant in $VARIANTS; do
            [[ -n "${WARM[$variant#$round]:-}" ]] && printf '%-14s round %s: %s | warm %s | warm 1-s runs %s\n' "$variant" "$round" "${SECONDS_RPS[$variant#$round]}" "${WARM[$variant#$round]}" "${WARM_1S[$variant#$round]}"
        done
    done
    echo '```'
    echo
    echo "## Machine"
    echo
    echo '```'
    lscpu | grep -E '^(Architecture|CPU\(s\)|Model name|Hypervisor vendor)' || true
    dotnet --info | sed -n '/Host:/,/Commit/p' | head -n 4
    echo '```'
} > "$RESULTS_FILE"
log "results written to $RESULTS_FILE"
