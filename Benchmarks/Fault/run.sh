#!/usr/bin/env bash
# The fault scenario of issue 7 with long steps: 3 silos (Redis), 2 gateways, 3 model servers as processes under a
# steady load; kill -9 a silo, stop every silo for 60 s, kill -9 a gateway, kill -9 a model server, restart Redis.
# It is the test Tests/Deployment.Tests/FaultTolerance/FaultScenarioTests.cs with longer steps; it prints the table
# and writes it to Benchmarks/results/fault-<date>.md (or $1).
#   STEP=10 SILO_OUTAGE=60 RATE=80 bash Benchmarks/Fault/run.sh [results-file]
set -euo pipefail
cd "$(dirname "$0")/../.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOCKER_API_VERSION=1.41 TESTCONTAINERS_RYUK_DISABLED=true
export ORLEANSMESH_FAULT_STEP="${STEP:-10}" ORLEANSMESH_FAULT_SILO_OUTAGE="${SILO_OUTAGE:-60}" ORLEANSMESH_FAULT_RATE="${RATE:-80}"
results="${1:-Benchmarks/results/fault-$(date -u +%F).md}"
table="$(mktemp)"
log="$(mktemp)"
trap 'rm -f "$table" "$log"' EXIT
export ORLEANSMESH_FAULT_REPORT="$table"

bash eng/docker-setup.sh
dotnet build Tests/Deployment.Tests/Deployment.Tests.csproj -c Release -nologo -v q
set +e
dotnet test Tests/Deployment.Tests/Deployment.Tests.csproj -c Release --no-build -nologo \
  --filter "FullyQualifiedName~FaultTolerance" --logger "console;verbosity=detailed" >"$log" 2>&1
status=$?
set -e

if [ ! -s "$table" ]; then
  tail -60 "$log"
  echo "error: the scenario did not get to print its table (exit $status)" >&2
  exit 1
fi

{
  echo "# Fault scenario, $(date -u +%F)"
  echo
  echo "Machine: $(nproc) cores, $(uname -sr), $(dotnet --version). Load ${ORLEANSMESH_FAULT_RATE} req/s over 2 gateways,"
  echo "${ORLEANSMESH_FAULT_STEP} s of load per step, ${ORLEANSMESH_FAULT_SILO_OUTAGE} s without any silo. Command: \`STEP=${ORLEANSMESH_FAULT_STEP} SILO_OUTAGE=${ORLEANSMESH_FAULT_SILO_OUTAGE} RATE=${ORLEANSMESH_FAULT_RATE} bash Benchmarks/Fault/run.sh\`."
  echo
  grep -E '^ *setup:' "$log" | head -1 | sed 's/^ *//'
  echo
  cat "$table"
  echo
  echo "Result: $([ "$status" -eq 0 ] && echo 'every bound met' || echo "bounds missed (exit $status), listed above")."
} > "$results"
cat "$results"
exit "$status"
