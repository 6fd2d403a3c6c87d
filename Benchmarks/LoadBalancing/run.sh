#!/usr/bin/env bash
# The least-request figure of issue 6: three backends on 127.0.0.1 (one slower and of lower capacity than the
# others), a real gateway (Kestrel on loopback) fed by a one-silo in-process control plane, and closed-loop clients.
# The DestinationRule's loadBalancer.simple is switched between LEAST_REQUEST, ROUND_ROBIN and RANDOM, round after
# round (alternating, so drift on a shared machine hits every policy alike), and p50/p90/p99 are reported per policy
# with the ratio to round-robin's p99 and the share of requests the slow backend served.
# Writes Benchmarks/results/least-request-<date>.md.
#   BENCH_ROUNDS=3 BENCH_SECONDS=8 BENCH_WARMUP_SECONDS=2   rounds, measured and warm-up seconds per phase
#   BENCH_WORKERS=16                                        closed-loop clients
#   BENCH_BASE_MS=5 BENCH_SLOW_EXTRA_MS=20                  backend latency, and the slow backend's extra latency
#   BENCH_SLOW_CAPACITY=2                                   requests the slow backend serves at once (the rest queue)
#   BENCH_POLICIES="LEAST_REQUEST ROUND_ROBIN RANDOM"
#   BENCH_SKIP_BUILD=1                                      reuse the Release build
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=${BENCH_RESULTS_FILE:-Benchmarks/results/least-request-$(date +%F).md}
if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
    dotnet build Benchmarks/LoadBalancing/LoadBalancing.csproj -c Release -v q > /dev/null
fi
TABLE_FILE=$(mktemp)
dotnet Benchmarks/LoadBalancing/bin/Release/net10.0/OrleansMesh.Benchmarks.LoadBalancing.dll "$TABLE_FILE" >&2
TABLE=$(cat "$TABLE_FILE")
rm -f "$TABLE_FILE"
{
    echo "# Endpoint picking with one slow endpoint: LEAST_REQUEST vs ROUND_ROBIN vs RANDOM"
    echo
    echo "$(date -u '+%F %H:%M UTC'), $(nproc) cores ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)), load average $(cut -d' ' -f1-3 /proc/loadavg) at the end, \`Benchmarks/LoadBalancing/run.sh\`."
    echo "Clients, gateway, control plane and backends share the machine (one process, loopback)."
    echo
    echo "$TABLE"
} > "$OUT"
cat "$OUT"
