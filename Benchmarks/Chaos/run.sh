#!/usr/bin/env bash
# Issue 16's chaos under load as a benchmark: the chaos test (Tests/Deployment.Tests/Chaos) for MINUTES (default 10)
# with SEED (default 20261207), its table written to Benchmarks/results/chaos-DATE.md.
#   bash Benchmarks/Chaos/run.sh [MINUTES] [SEED]
set -euo pipefail
cd "$(dirname "$0")/../.."
minutes="${1:-10}"
export ORLEANSMESH_CHAOS_SEED="${2:-20261207}"
bash eng/docker-setup.sh >/dev/null
export DOCKER_API_VERSION=1.41 TESTCONTAINERS_RYUK_DISABLED=true
export ORLEANSMESH_CHAOS_DURATION="00:$(printf %02d "$minutes"):00"
export ORLEANSMESH_CHAOS_REPORT="$PWD/Benchmarks/results/chaos-$(date -u +%Y-%m-%d).md"
dotnet build Tests/Deployment.Tests -c Release -v q -nologo >/dev/null
dotnet test Tests/Deployment.Tests -c Release --no-build --filter "FullyQualifiedName~Chaos.ChaosTests" \
  --logger "console;verbosity=detailed" | grep -vE "^\s*$" | tail -n +8
echo "report: $ORLEANSMESH_CHAOS_REPORT"
