#!/usr/bin/env bash
# Runs one coverage-guided fuzz target (Fuzz/, SharpFuzz + afl++) for SECONDS (default 300), starting from its
# corpus in Fuzz/corpus/TARGET. Every crash afl++ finds is minimised (afl-tmin) and copied into that corpus as
# crash-<sha1>, where Tests/Fuzz.Tests replays it in the normal test run; fix the code, then commit the file.
#   eng/fuzz.sh yaml 600        eng/fuzz.sh list
# Installs what it needs: afl++ with apt-get (when root), the SharpFuzz instrumenter as a local tool. Builds into
# artifacts/fuzz/ and instruments the copies there, never the normal build output. Runs at the lowest priority.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
targets="yaml jwt path framing inference-body sse-usage json-usage jwks join-token prometheus-text"
target="${1:-}"
seconds="${2:-300}"
if [ -z "$target" ] || [ "$target" = list ] || ! grep -qw -- "$target" <<<"$targets"; then
  echo "usage: eng/fuzz.sh TARGET [SECONDS]; targets: $targets" >&2
  exit 2
fi

out=artifacts/fuzz
bin="$out/bin"
tools="$out/tools"
findings="$out/findings/$target"
corpus="Fuzz/corpus/$target"

if ! command -v afl-fuzz >/dev/null; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "error: afl++ is needed (apt-get install afl++ as root)" >&2
    exit 2
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++ >/dev/null
fi

if [ ! -x "$tools/sharpfuzz" ]; then
  dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$tools" >/dev/null
fi

# Instrumented copies of the assemblies whose branches afl++ should see: ours and the parsers they build on.
if [ ! -f "$bin/.instrumented" ] || [ -n "$(find Abstractions Gateway Grains Fuzz -name '*.cs' -newer "$bin/.instrumented" -print -quit)" ]; then
  rm -rf "$bin"
  dotnet publish Fuzz -c Release -o "$bin" -nologo -v quiet
  for assembly in OrleansMesh.Abstractions OrleansMesh.Gateway OrleansMesh.Grains YamlDotNet \
    Microsoft.IdentityModel.JsonWebTokens Microsoft.IdentityModel.Tokens; do
    "$tools/sharpfuzz" "$bin/$assembly.dll" >/dev/null
  done
  touch "$bin/.instrumented"
fi

# afl++ in a container: no core pattern to set, no CPU governor, shared cores.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_AFFINITY=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1
mkdir -p "$findings"
rm -rf "${findings:?}"/*
# 10 s per input: .NET's first run of a code path (JIT) is slow; a real hang still shows as a timeout.
nice -n 19 afl-fuzz -i "$corpus" -o "$findings" -V "$seconds" -t 10000 -m none \
  -- dotnet "$bin/OrleansMesh.Fuzz.dll" "$target" >"$out/$target.log" 2>&1 || {
  tail -20 "$out/$target.log" >&2
  exit 1
}

stats="$findings/default/fuzzer_stats"
field() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$stats"; }
echo "$target: $(field execs_done) executions in $(field run_time) s, $(field corpus_count) paths," \
  "$(field edges_found) edges ($(field bitmap_cvg)), $(field saved_crashes) crashes, $(field saved_hangs) hangs"

found=0
for crash in "$findings"/default/crashes/id:*; do
  [ -e "$crash" ] || continue
  minimised="$(mktemp)"
  nice -n 19 afl-tmin -i "$crash" -o "$minimised" -t 10000 -m none -- dotnet "$bin/OrleansMesh.Fuzz.dll" "$target" >/dev/null 2>&1 \
    || cp "$crash" "$minimised"
  name="crash-$(sha1sum "$minimised" | cut -c1-12)"
  mv "$minimised" "$corpus/$name"
  echo "  $corpus/$name"
  found=$((found + 1))
done
[ "$found" -eq 0 ] || echo "$found crash(es) copied into $corpus: reproduce with dotnet $bin/OrleansMesh.Fuzz.dll $target FILE"
