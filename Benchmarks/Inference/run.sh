#!/usr/bin/env bash
# The InferencePool picker's figure of issue 14: four simulated vLLM servers on 127.0.0.1 (Samples/ModelServer with
# --engine: three alike, one at half speed; 4 batch slots, prefix-cached KV cache, 2 LoRA slots each), three real
# gateways (Kestrel on loopback) fed by a one-silo in-process control plane, and an open-loop client (Poisson
# arrivals) sending the same streamed mix to each policy in turn: ROUND_ROBIN and LEAST_REQUEST (a ServiceEntry with a
# DestinationRule) and the picker (an InferencePool). Servers are restarted per policy. Reports TTFT p50/p99, end-to-end
# p99, throughput and throughput within the TTFT objective. Writes Benchmarks/results/inference-<date>.md.
#   BENCH_RATE=22 BENCH_SECONDS=40 BENCH_WARMUP_SECONDS=5   offered req/s, measured and warm-up seconds per policy
#   BENCH_TTFT_OBJECTIVE_MS=1000                             the latency objective
#   BENCH_POLICIES="ROUND_ROBIN LEAST_REQUEST PICKER"        BENCH_SEED=42 (also PICKER_GIE: GIE's default profile
#                                                            alone, without the active-request scorer and tolerance)
#   BENCH_SKIP_BUILD=1                                       reuse the Release build
#   BENCH_MODE=herding   instead: eight identical servers, short requests, the picker through one gateway, through
#                        three counting requests in flight cluster-wide, and through three each counting only its
#                        own, taking turns in BENCH_ROUNDS (3) rounds of BENCH_SECONDS (writes
#                        inference-herding-<date>.md; set BENCH_RATE, e.g. 120, BENCH_SECONDS, e.g. 15, and
#                        BENCH_HERD_TOKENS, default 8)
set -euo pipefail
cd "$(dirname "$0")/../.."
if [[ "${BENCH_MODE:-}" == herding ]]; then
    OUT=${BENCH_RESULTS_FILE:-Benchmarks/results/inference-herding-$(date +%F).md}
    TITLE="Herding: the InferencePool picker through one gateway, three counting requests in flight cluster-wide, and three each counting its own"
else
    OUT=${BENCH_RESULTS_FILE:-Benchmarks/results/inference-$(date +%F).md}
    TITLE="Inference-aware scheduling: ROUND_ROBIN vs LEAST_REQUEST vs the InferencePool picker, three gateways"
fi
if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
    dotnet build Benchmarks/Inference/Inference.csproj -c Release -v q > /dev/null
fi
TABLE_FILE=$(mktemp)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
dotnet Benchmarks/Inference/bin/Release/net10.0/OrleansMesh.Benchmarks.Inference.dll "$TABLE_FILE" >&2
TABLE=$(cat "$TABLE_FILE")
rm -f "$TABLE_FILE"
{
    echo "# $TITLE"
    echo
    echo "$(date -u '+%F %H:%M UTC'), $(nproc) cores ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)), load average $LOAD_BEFORE before and $(cut -d' ' -f1-3 /proc/loadavg) at the end, \`Benchmarks/Inference/run.sh\`."
    echo "Client, gateways, control plane and the simulated servers share the machine (one process, loopback)."
    echo
    echo "$TABLE"
} > "$OUT"
cat "$OUT"
