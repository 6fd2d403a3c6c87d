#!/usr/bin/env bash
# Issue 18's failover timelines, RUNS times: Production failure detection, real processes on Redis (2 silos, gateways,
# a model server). kill -9 the config grain's silo / the other silo, kill -9 both and start one new silo, SIGSTOP a
# silo for 5 s. It is Tests/Deployment.Tests/Failover/FailoverTests.cs; each run appends its timelines to the output.
#   RUNS=5 bash Benchmarks/Failover/run.sh [timelines-file]     (the tests' own output goes beside it, *.log)
set -euo pipefail
cd "$(dirname "$0")/../.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOCKER_API_VERSION=1.41 TESTCONTAINERS_RYUK_DISABLED=true
runs="${RUNS:-5}"
out="${1:-$(mktemp)}"
log="${out%.md}.log"
: > "$out"
: > "$log"
export ORLEANSMESH_FAILOVER_REPORT="$out"

bash eng/docker-setup.sh
dotnet build Tests/Deployment.Tests/Deployment.Tests.csproj -c Release -nologo -v q
status=0
for run in $(seq 1 "$runs"); do
  echo "## Run $run" >> "$out"
  echo >> "$out"
  dotnet test Tests/Deployment.Tests/Deployment.Tests.csproj -c Release --no-build -nologo \
    --filter "FullyQualifiedName~Failover.FailoverTests" --logger "console;verbosity=normal" >>"$log" 2>&1 || status=$?
done

cat "$out"
[ "$status" -eq 0 ] || echo "some runs failed; the test output is in $log" >&2
exit "$status"
