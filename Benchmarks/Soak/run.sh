#!/usr/bin/env bash
# Issue 16's soak as a benchmark: the soak test (Tests/Deployment.Tests/Soak) for MINUTES (default 30), one sample a
# minute, then the plot. Writes Benchmarks/results/soak-DATE.csv (per process: working set, GC heap, threads, handles,
# sockets), soak-DATE.latency.csv (per minute: requests, failures, p50, p99) and soak-DATE.png.
#   bash Benchmarks/Soak/run.sh [MINUTES]
set -euo pipefail
cd "$(dirname "$0")/../.."
minutes="${1:-30}"
stamp="$(date -u +%Y-%m-%d)"
csv="$PWD/Benchmarks/results/soak-$stamp.csv"
bash eng/docker-setup.sh >/dev/null
export DOCKER_API_VERSION=1.41 TESTCONTAINERS_RYUK_DISABLED=true
export ORLEANSMESH_SOAK_DURATION="00:$(printf %02d "$minutes"):00" ORLEANSMESH_SOAK_SAMPLE="00:01:00" ORLEANSMESH_SOAK_OUTPUT="$csv"
dotnet build Tests/Deployment.Tests -c Release -v q -nologo >/dev/null
dotnet test Tests/Deployment.Tests -c Release --no-build --filter "FullyQualifiedName~Soak.SoakTests" \
  --logger "console;verbosity=detailed" | grep -vE "^\s*$" | tail -n +8
dotnet run --project Benchmarks/Soak/Plot -c Release -- "$csv" "${csv%.csv}.latency.csv" "${csv%.csv}.png"
