#!/usr/bin/env bash
# The breaker figure of issue 3: three gateways (real Kestrel servers on loopback) and a 2-silo cluster in one
# process, one destination that starts failing every request. Prints, per round, how many requests reached the
# failing destination before every gateway rejected (threshold 20 failures; per-proxy breakers would let ~60 through)
# and how far apart in time the gateways took the open state; then the same with the cluster gone (each gateway
# breaking on its own: the per-proxy figure). Writes Benchmarks/results/breaker-<date>.md.
#   BENCH_RUNS=3   how many times to run the scenario (11 rounds each, the first one cold)
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${BENCH_RUNS:-3}
OUT=${BENCH_RESULTS_FILE:-Benchmarks/results/breaker-$(date +%F).md}
LOG=$(mktemp)
dotnet build Tests/Integration.Tests/Integration.Tests.csproj -c Release -v q > /dev/null
for run in $(seq "$RUNS"); do
    dotnet test Tests/Integration.Tests/Integration.Tests.csproj -c Release --no-build \
        --filter "FullyQualifiedName~ClusterWide.BreakerTests.FailingDestination|FullyQualifiedName~ClusterWide.DegradedModeTests" \
        --logger "console;verbosity=detailed" 2>&1 | grep -E "^ +(threshold|breaker open|local breakers)" | sort -u >> "$LOG"
done
{
    echo "# Cluster-wide breaker: requests reaching a failing destination through 3 gateways"
    echo
    echo "$(date -u '+%F %H:%M UTC'), $(nproc) cores ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)), $RUNS runs of \`Benchmarks/Breaker/run.sh\`."
    echo "Each run: 11 rounds of healthy traffic, operator reset, then every request fails (2 concurrent requests per gateway)."
    echo
    sed 's/^ *//; s/^/- /' "$LOG"
} > "$OUT"
cat "$OUT"
