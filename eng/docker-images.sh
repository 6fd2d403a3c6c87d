#!/usr/bin/env bash
# Builds the product images (orleansmesh/silo, orleansmesh/gateway, orleansmesh/model-server) on a machine that
# reaches no container registry: the .NET SDK and ASP.NET Core runtime images are made from this machine's own
# dotnet installation on the debootstrap base of eng/docker-setup.sh, then each Dockerfile is built with them as
# its SDK_IMAGE / RUNTIME_IMAGE build arguments (NuGet restore inside the build uses the host's network).
# Where a registry is reachable, plain `docker build -f Silo/Dockerfile .` needs none of this.
# Usage: bash eng/docker-images.sh [--smoke]   (--smoke: start each image and wait for its HEALTHCHECK)
set -euo pipefail
cd "$(dirname "$0")/.."
bash eng/docker-setup.sh
export DOCKER_API_VERSION="${DOCKER_API_VERSION:-1.41}" DOCKER_BUILDKIT=0

base_image="${ORLEANSMESH_BASE_IMAGE:-orleansmesh/debian-base:bookworm}"
sdk_image=orleansmesh/dotnet-sdk:local
runtime_image=orleansmesh/aspnet:local
dotnet_root="$(dirname "$(readlink -f "$(command -v dotnet)")")"
started=$SECONDS
step() { echo "docker-images: $* ($((SECONDS - started)) s)"; }

build() { # tag dockerfile context...: quiet unless it fails
  local tag=$1 file=$2 log; shift 2
  log=$(mktemp)
  docker build --force-rm --network host --build-arg "BASE_IMAGE=$base_image" --build-arg "SDK_IMAGE=$sdk_image" \
    --build-arg "RUNTIME_IMAGE=$runtime_image" -t "$tag" -f "$file" "$@" >"$log" 2>&1 \
    || { tail -n 40 "$log" >&2; echo "docker-images: error: building $tag failed" >&2; exit 1; }
  rm -f "$log"
  step "built $tag ($(docker image inspect "$tag" --format '{{.Size}}' | awk '{ printf "%d MB", $1 / 1048576 }'))"
}

# The SDK and runtime images from this machine's dotnet: the context is streamed as a tar of just what each needs.
if ! docker image inspect "$sdk_image" >/dev/null 2>&1; then
  certs=$(mktemp -d)
  cp /etc/ssl/certs/ca-certificates.crt "$certs/host-ca-certificates.crt"
  tar -c -C eng/docker dotnet-sdk.Dockerfile -C "$certs" host-ca-certificates.crt -C "$(dirname "$dotnet_root")" "$(basename "$dotnet_root")" \
    --transform "s,^$(basename "$dotnet_root"),dotnet," | build "$sdk_image" dotnet-sdk.Dockerfile -
  rm -rf "$certs"
fi
if ! docker image inspect "$runtime_image" >/dev/null 2>&1; then
  name=$(basename "$dotnet_root")
  tar -c -C eng/docker aspnet.Dockerfile -C "$(dirname "$dotnet_root")" "$name/dotnet" "$name/host" "$name/shared" \
    --transform "s,^$name,dotnet," | build "$runtime_image" aspnet.Dockerfile -
fi

build orleansmesh/silo:latest Silo/Dockerfile .
build orleansmesh/gateway:latest Gateway/Dockerfile .
build orleansmesh/model-server:latest Samples/ModelServer/Dockerfile .
# The untagged build stages (SDK + sources, about 1 GB each) are of no further use.
docker image prune -f --filter dangling=true >/dev/null

if [ "${1:-}" = "--smoke" ]; then
  # Each image alone, host network, loopback only; the silo and model server become healthy on their own, the
  # gateway is live but (without silos) not ready, which is what its HEALTHCHECK reports.
  run() { docker run -d --rm --network host "$@"; }
  silo=$(run -e ASPNETCORE_URLS=http://127.0.0.1:15021 -e OrleansMesh__SiloPort=21111 -e OrleansMesh__GatewayPort=31000 orleansmesh/silo:latest)
  model=$(run -e ASPNETCORE_URLS=http://127.0.0.1:9001 orleansmesh/model-server:latest)
  trap 'docker rm -f "$silo" "$model" >/dev/null 2>&1 || true' EXIT
  for _ in $(seq 1 60); do
    s=$(docker inspect -f '{{.State.Health.Status}}' "$silo"); m=$(docker inspect -f '{{.State.Health.Status}}' "$model")
    [ "$s" = healthy ] && [ "$m" = healthy ] && break
    sleep 1
  done
  step "smoke: silo $(docker inspect -f '{{.State.Health.Status}}' "$silo"), model-server $(docker inspect -f '{{.State.Health.Status}}' "$model")"
fi
