#!/usr/bin/env bash
# The bad-canary figure of issue 13: a Rollout of a canary answering 20 % 5xx, at 40 requests/s through two gateways
# (silos on Redis, gateways and model servers as processes: Tests/Deployment.Tests/Rollouts), RUNS times. Prints, per
# run, how many user requests failed between the canary's first 5xx and the last answer any gateway took from it,
# beside the canary's share of one threshold window of traffic (the goal: no more than that).
#   bash Benchmarks/Rollout/run.sh [RUNS]      (default 3; about 40 s per run)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-3}"
bash eng/docker-setup.sh >/dev/null
export DOCKER_API_VERSION=1.41 TESTCONTAINERS_RYUK_DISABLED=true
dotnet build Tests/Deployment.Tests -c Release -v q -nologo >/dev/null
for run in $(seq "$runs"); do
  dotnet test Tests/Deployment.Tests -c Release --no-build \
    --filter "FullyQualifiedName~Rollouts.RolloutTests.BadCanary" --logger "console;verbosity=detailed" \
    | grep -E "bad canary:|Passed |Failed " | sed "s/^/run $run: /"
done
