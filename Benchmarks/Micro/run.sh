#!/usr/bin/env bash
# Runs the routing micro-benchmarks (short in-process job) and writes Benchmarks/results/micro-<date>.md:
# BenchmarkDotNet's GitHub-markdown report plus a description of the machine.
# Extra arguments go to BenchmarkDotNet, e.g. --filter '*HostLookup*'.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PROJECT="$ROOT/Benchmarks/Micro/Micro.csproj"
OUTPUT="$ROOT/Benchmarks/Micro/bin/Release/net10.0"
RESULTS_FILE="$ROOT/Benchmarks/results/micro-$(date +%Y-%m-%d).md"
export BENCH_ARTIFACTS=${BENCH_ARTIFACTS:-$(mktemp -d /tmp/orleansmesh-micro.XXXXXX)}

if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
    dotnet build -c Release -nologo -v q "$PROJECT"
fi

args=("$@")
(( ${#args[@]} > 0 )) || args=(--filter '*')
(cd "$OUTPUT" && dotnet OrleansMesh.Benchmarks.dll "${args[@]}")

report=$(ls -t "$BENCH_ARTIFACTS"/results/*-report-github.md | head -n 1)
mkdir -p "$(dirname "$RESULTS_FILE")"
{
    echo "# Routing micro-benchmarks — $(date -u +'%Y-%m-%d %H:%M UTC')"
    echo
    echo "Command: \`Benchmarks/Micro/run.sh $*\` (BenchmarkDotNet, short in-process job: 2 warm-up + 5 measured iterations of ~100 ms, call overhead not subtracted,"
    echo "MemoryDiagnoser). Mesh: 1,000 services with a 6-route VirtualService each, 20 \`*.suffix\` wildcards and a \`*\` catch-all."
    echo "The machine has 2 cores shared with other work, so expect noise of ±20 % on the nanosecond figures; the Allocated column is exact."
    echo
    cat "$report"
    echo
    echo "## Machine"
    echo
    echo '```'
    lscpu | grep -E '^(Architecture|CPU\(s\)|Model name|Thread\(s\) per core|Core\(s\) per socket|Socket\(s\)|L2 cache|L3 cache|Hypervisor vendor)' || true
    echo "nproc: $(nproc)"
    free -g
    dotnet --info | head -n 12
    echo '```'
} > "$RESULTS_FILE"
echo "results written to $RESULTS_FILE"
