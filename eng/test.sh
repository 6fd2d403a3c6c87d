#!/usr/bin/env bash
# Builds the solution and runs every test project. Used by developers and by CI (.ci/run).
# Needs the .NET 10 SDK, the NuGet feed, Docker and chromium (installed below when missing); eng/docker-setup.sh installs and starts Docker (root, Debian's
# package mirror) and builds the local Redis image the deployment tests run. The tests start every server they use
# themselves, on 127.0.0.1. Shared conformance data is read from ../shared (or $ORLEANSMESH_SHARED).
set -uo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
configuration="${CONFIGURATION:-Release}"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

if ! command -v dotnet >/dev/null; then
  echo "error: the .NET 10 SDK (dotnet) is required: https://dot.net" >&2
  exit 2
fi

# Docker's engine from Debian speaks API 1.41; Testcontainers' reaper (Ryuk) would need a registry pull.
export DOCKER_API_VERSION=1.41 TESTCONTAINERS_RYUK_DISABLED=true
if ! bash eng/docker-setup.sh; then
  echo "error: Docker is not available here; the Redis tests in Tests/Deployment.Tests WILL FAIL (see above)." >&2
fi

# The dashboard's browser tests (Tests/Dashboard.Tests) drive Debian's chromium through Playwright's driver; no
# browser is downloaded. Installed here when missing (root, Debian's package mirror).
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" -eq 0 ] && apt-get update -qq >/dev/null \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null; then
    echo "installed chromium for the dashboard's browser tests"
  else
    echo "error: /usr/bin/chromium is missing (apt-get install -y chromium, as root); Tests/Dashboard.Tests WILL FAIL." >&2
  fi
fi

dotnet build OrleansMesh.sln -c "$configuration" -nologo || exit 1

# Test projects run one after another: the integration tests start clusters, servers and load of their own,
# and 2-core machines time out when several of those overlap.
dotnet test OrleansMesh.sln -c "$configuration" --no-build -nologo -m:1 \
  --blame-hang-timeout 5m "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# One closing line for the whole run, summed over the test projects.
# dotnet test prints one "Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12, ..." line per project.
sum() { grep -E '^(Passed|Failed)! +- ' "$log" | grep -Eo "$1: +[0-9]+" | awk '{ n += $2 } END { print n + 0 }'; }
passed=$(sum Passed); failed=$(sum Failed); skipped=$(sum Skipped)
echo "${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
if [ "$status" -eq 0 ] && [ "${passed:-0}" -eq 0 ]; then
  echo "error: no test ran" >&2
  exit 1
fi
exit "$status"
