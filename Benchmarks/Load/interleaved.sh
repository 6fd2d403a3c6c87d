#!/usr/bin/env bash
# Plain YARP and the mesh gateway — and, with BENCH_BASELINE_REF, the gateway built from an earlier commit — all running
# at once on the same backend and measured in turns, round after round. run.sh measures one proxy after another, so a
# shared machine's slow drifts (other builds starting and stopping) land on one proxy and not the next; here every
# round measures each target within a minute, and the report gives each round's ratio to plain YARP and the median.
#
# Settings (environment):
#   BENCH_ROUNDS=5  BENCH_DURATION=10s  BENCH_WARMUP=20s  BENCH_CONNECTIONS=32  BENCH_WORKLOAD=chat (or get)
#   BENCH_FEATURES=all   the mesh config with every feature in force and none firing (see mesh-config.sh)
#   BENCH_BASELINE_REF   a git ref (e.g. HEAD~3): its Gateway is built in a temporary worktree and measured too
#   BENCH_SKIP_BUILD=1   reuse the Release build output (not the baseline's)
#   BENCH_PORT_BASE=5700 backend +1, yarp +2, gateway +5, silo http +6, baseline gateway +8, admin ports +10/+11
#   BENCH_SILO_PORT=11112 BENCH_ORLEANS_GATEWAY_PORT=30001   the control plane's localhost clustering ports
#   BENCH_RESULTS_FILE   where the markdown goes (default: Benchmarks/results/load-interleaved-<date>.md)
# Pinned like run.sh when the machine has 2 CPUs or more: proxies on CPU 0, wrk, backend and silo on CPU 1.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
ROUNDS=${BENCH_ROUNDS:-5}
DURATION=${BENCH_DURATION:-10s}
WARMUP=${BENCH_WARMUP:-20s}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
WORKLOAD=${BENCH_WORKLOAD:-chat}
BASELINE_REF=${BENCH_BASELINE_REF:-}
PORT_BASE=${BENCH_PORT_BASE:-5700}
BACKEND_PORT=$((PORT_BASE + 1))
YARP_PORT=$((PORT_BASE + 2))
GATEWAY_PORT=$((PORT_BASE + 5))
SILO_HTTP_PORT=$((PORT_BASE + 6))
BASELINE_PORT=$((PORT_BASE + 8))
SILO_PORT=${BENCH_SILO_PORT:-11112}
ORLEANS_GATEWAY_PORT=${BENCH_ORLEANS_GATEWAY_PORT:-30001}
HOST_HEADER=backend.bench.local
TEST_PATH=/v1/chat/completions
MODEL=bench-model
CHAT_SCRIPT="$ROOT/Benchmarks/Load/chat.lua"
RESULTS_FILE=${BENCH_RESULTS_FILE:-"$ROOT/Benchmarks/results/load-interleaved-$(date +%Y-%m-%d).md"}
WORK=$(mktemp -d /tmp/orleansmesh-interleaved.XXXXXX)
CLK_TCK=$(getconf CLK_TCK)

LOG_TAG=interleaved
# shellcheck source=../lib/processes.sh
source "$ROOT/Benchmarks/lib/processes.sh"
# shellcheck source=../lib/measure.sh
source "$ROOT/Benchmarks/lib/measure.sh"
# shellcheck source=mesh-config.sh
source "$ROOT/Benchmarks/Load/mesh-config.sh"

remove_baseline() {
    [[ -d "$WORK/baseline" ]] && git -C "$ROOT" worktree remove --force "$WORK/baseline" > /dev/null 2>&1
    return 0
}
trap 'remove_baseline; cleanup' EXIT

if command -v taskset > /dev/null && (( $(nproc) >= 2 )); then
    PIN=1 PROXY_CPUS=0 LOAD_CPUS=1
    PLACEMENT="pinned with taskset: proxies on CPU 0; wrk, backend and the control plane on CPU 1"
else
    PIN=0 PROXY_CPUS=all LOAD_CPUS=all
    PLACEMENT="not pinned"
fi

on_load_cpus() { if [[ $PIN == 1 ]]; then taskset -c "$LOAD_CPUS" "$@"; else "$@"; fi; }

for tool in wrk curl git; do
    command -v "$tool" > /dev/null || { log "$tool is required"; exit 1; }
done
case $WORKLOAD in
    chat) WRK_ARGS=(-s "$CHAT_SCRIPT") ;;
    get) WRK_ARGS=() ;;
    *) log "BENCH_WORKLOAD must be chat or get"; exit 1 ;;
esac

# --- Build -------------------------------------------------------------------------------------------------
build() {
    local dir=$1 project=$2
    log "dotnet build -c Release $project${dir:+ (in $dir)}"
    (cd "${dir:-$ROOT}" && dotnet build -c Release -nologo -v q "$project") > "$WORK/build-$(basename "$project" .csproj).log" 2>&1 \
        || { log "build of $project failed: $WORK/build-$(basename "$project" .csproj).log"; exit 1; }
}

if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
    for project in Benchmarks/Load/Backend/Backend.csproj Benchmarks/Load/YarpProxy/YarpProxy.csproj Silo/Silo.csproj Gateway/Gateway.csproj Cli/Cli.csproj; do
        build "" "$project"
    done
fi

TARGETS=(yarp mesh)
if [[ -n "$BASELINE_REF" ]]; then
    BASELINE_COMMIT=$(git -C "$ROOT" rev-parse --short "$BASELINE_REF") || { log "unknown ref $BASELINE_REF"; exit 1; }
    git -C "$ROOT" worktree add --detach "$WORK/baseline" "$BASELINE_COMMIT" > "$WORK/worktree.log" 2>&1 \
        || { log "git worktree add failed: $WORK/worktree.log"; exit 1; }
    build "$WORK/baseline" Gateway/Gateway.csproj
    TARGETS=(yarp baseline mesh)
fi

for port in "$BACKEND_PORT" "$YARP_PORT" "$GATEWAY_PORT" "$SILO_HTTP_PORT" "$BASELINE_PORT" "$((PORT_BASE + 10))" "$((PORT_BASE + 11))" "$SILO_PORT" "$ORLEANS_GATEWAY_PORT"; do
    port_free "$port" || { log "port $port on 127.0.0.1 is in use; set BENCH_PORT_BASE / BENCH_SILO_PORT / BENCH_ORLEANS_GATEWAY_PORT"; exit 1; }
done

# --- Start everything --------------------------------------------------------------------------------------
cluster_env=(env "OrleansMesh__SiloPort=$SILO_PORT" "OrleansMesh__GatewayPort=$ORLEANS_GATEWAY_PORT" Logging__LogLevel__Default=Warning)
start backend "$(bin Benchmarks/Load/Backend)" "$LOAD_CPUS" dotnet OrleansMesh.Benchmarks.Backend.dll --urls "http://127.0.0.1:$BACKEND_PORT"
start yarp "$(bin Benchmarks/Load/YarpProxy)" "$PROXY_CPUS" dotnet OrleansMesh.Benchmarks.YarpProxy.dll \
    --urls "http://127.0.0.1:$YARP_PORT" "--ReverseProxy:Clusters:backend:Destinations:d1:Address=http://127.0.0.1:$BACKEND_PORT"
start silo "$(bin Silo)" "$LOAD_CPUS" "${cluster_env[@]}" OrleansMesh__Storage=Memory dotnet OrleansMesh.Silo.dll --urls "http://127.0.0.1:$SILO_HTTP_PORT"
wait_for silo "http://127.0.0.1:$SILO_HTTP_PORT/healthz" 60 127.0.0.1 || exit 1
start mesh "$(bin Gateway)" "$PROXY_CPUS" "${cluster_env[@]}" "OrleansMesh__Gateway__AdminUrls=http://127.0.0.1:$((PORT_BASE + 10))" \
    dotnet OrleansMesh.Gateway.dll --urls "http://127.0.0.1:$GATEWAY_PORT"
if [[ -n "$BASELINE_REF" ]]; then
    start baseline "$WORK/baseline/Gateway/bin/Release/net10.0" "$PROXY_CPUS" "${cluster_env[@]}" "OrleansMesh__Gateway__AdminUrls=http://127.0.0.1:$((PORT_BASE + 11))" \
        dotnet OrleansMesh.Gateway.dll --urls "http://127.0.0.1:$BASELINE_PORT"
fi

write_mesh_bench_yaml "$WORK/mesh-bench.yaml"
meshctl_apply "$(bin Cli)" "$WORK/mesh-bench.yaml" "$WORK/meshctl.log" on_load_cpus "${cluster_env[@]}" \
    || { cat "$WORK/meshctl.log" >&2; exit 1; }

declare -A PORT=([yarp]=$YARP_PORT [mesh]=$GATEWAY_PORT [baseline]=$BASELINE_PORT)
for target in "${TARGETS[@]}"; do
    wait_for "$target" "http://127.0.0.1:${PORT[$target]}$TEST_PATH" 120 || exit 1
done

# --- Measure -----------------------------------------------------------------------------------------------
run_wrk() {
    local target=$1 duration=$2
    on_load_cpus wrk -t1 -c"$CONNECTIONS" -d"$duration" --latency -H "Host: $HOST_HEADER" "${WRK_ARGS[@]}" "http://127.0.0.1:${PORT[$target]}$TEST_PATH"
}

for target in "${TARGETS[@]}"; do
    log "$target: warm-up $WARMUP"
    run_wrk "$target" "$WARMUP" > "$WORK/wrk-$target-warmup.txt" 2>&1
done

LOADAVG_START=$(cut -d' ' -f1-3 /proc/loadavg)
ROWS="$WORK/rows.tsv"
: > "$ROWS"
for round in $(seq 1 "$ROUNDS"); do
    for target in "${TARGETS[@]}"; do
        out="$WORK/wrk-$target-$round.txt"
        before=$(cpu_ticks "${PIDS[$target]}")
        run_wrk "$target" "$DURATION" > "$out" 2>&1
        after=$(cpu_ticks "${PIDS[$target]}")
        requests=$(awk '/ requests in / { print $1 }' "$out")
        rps=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
        p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")
        errors=$(awk -F': *' '/Non-2xx or 3xx responses/ { print $2 }' "$out")
        cpu=$(awk -v t=$((after - before)) -v hz="$CLK_TCK" -v n="${requests:-0}" 'BEGIN { if (n > 0) printf "%.1f", t / hz * 1e6 / n; else print "nan" }')
        printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$target" "${rps:-nan}" "$p99" "$cpu" "${errors:-0}" >> "$ROWS"
        log "round $round $target: ${rps:-?} req/s, p99 $p99 ms, $cpu µs CPU/request${errors:+, $errors non-2xx}"
    done
done
LOADAVG_END=$(cut -d' ' -f1-3 /proc/loadavg)

# --- Report ------------------------------------------------------------------------------------------------
report() {
    echo "## Interleaved load benchmark — $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo
    echo "Command: \`Benchmarks/Load/interleaved.sh\` with BENCH_ROUNDS=$ROUNDS BENCH_DURATION=$DURATION BENCH_WARMUP=$WARMUP BENCH_CONNECTIONS=$CONNECTIONS BENCH_WORKLOAD=$WORKLOAD${BENCH_FEATURES:+ BENCH_FEATURES=$BENCH_FEATURES}${BASELINE_REF:+ BENCH_BASELINE_REF=$BASELINE_REF}."
    echo
    echo "Targets, all running at once, measured in turns each round: plain YARP 2.3 (\`Load/YarpProxy\`), the mesh gateway at $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- Gateway Abstractions || echo ' (with uncommitted changes)')${BASELINE_REF:+, and the mesh gateway at $BASELINE_COMMIT as baseline}."
    echo "Workload: \`$WORKLOAD\` (as in run.sh), wrk -t1 -c$CONNECTIONS; each target warmed $WARMUP first. $PLACEMENT."
    echo "CPU µs/request: user+system CPU of the proxy process during its run (/proc), divided by the requests wrk completed."
    echo "Load average at start: $LOADAVG_START; at the end: $LOADAVG_END."
    echo
    echo "| Round | Target | Requests/s | p99 (ms) | CPU µs/request | CPU vs YARP (same round) | Non-2xx |"
    echo "| ---: | --- | ---: | ---: | ---: | ---: | ---: |"
    awk -F'\t' '
        { key = $1 FS $2; cpu[key] = $5; line[NR] = $0 }
        END {
            for (i = 1; i <= NR; i++) {
                split(line[i], f, FS)
                y = cpu[f[1] FS "yarp"]
                printf "| %s | %s | %s | %s | %s | %s | %s |\n", f[1], f[2], f[3], f[4], f[5], (y > 0 ? sprintf("%.2f", f[5] / y) : "–"), f[6]
            }
        }' "$ROWS"
    echo
    echo "Medians over the rounds (ratios: the median of each round's ratio to plain YARP in the same round):"
    echo
    echo "| Target | Requests/s | p99 (ms) | CPU µs/request | CPU vs YARP | req/s vs YARP | p99 − YARP's (ms) |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
    local target
    for target in "${TARGETS[@]}"; do
        awk -F'\t' -v t="$target" '
            function median(a, n,   i, j, x) {
                for (i = 2; i <= n; i++) { x = a[i]; for (j = i - 1; j > 0 && a[j] > x; j--) a[j + 1] = a[j]; a[j + 1] = x }
                return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
            }
            { rps[$1 FS $2] = $3; p99[$1 FS $2] = $4; cpu[$1 FS $2] = $5; if ($2 == t) rounds[++n] = $1 }
            END {
                for (i = 1; i <= n; i++) {
                    r = rounds[i]; y = r FS "yarp"; k = r FS t
                    a[i] = rps[k]; b[i] = p99[k]; c[i] = cpu[k]
                    cr[i] = cpu[k] / cpu[y]; rr[i] = rps[k] / rps[y]; pd[i] = p99[k] - p99[y]
                }
                printf "| %s | %.0f | %.2f | %.1f | %.2f | %.2f | %+.2f |\n", t, median(a, n), median(b, n), median(c, n), median(cr, n), median(rr, n), median(pd, n)
            }' "$ROWS"
    done
}

mkdir -p "$(dirname "$RESULTS_FILE")"
report | tee -a "$RESULTS_FILE"
log "results appended to $RESULTS_FILE"
