#!/usr/bin/env bash
# Makes a Docker engine and the local images the tests use available on a machine that reaches Debian's package
# mirror and no container registry (CI: a fresh machine, as root). Idempotent: each step is skipped when its result
# is already there, so a second run takes about a second.
#   1. apt-get install docker.io debootstrap
#   2. start dockerd without a bridge or iptables (every container uses host networking and binds 127.0.0.1)
#   3. orleansmesh/debian-base:bookworm: debootstrap (minbase) from this machine's Debian mirror + docker import
#   4. orleansmesh/redis:local: redis-server on that base (eng/docker/redis.Dockerfile)
# Prints one line per step and the seconds it took. Exits non-zero, saying why, when Docker cannot run here.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOCKER_API_VERSION="${DOCKER_API_VERSION:-1.41}" DOCKER_BUILDKIT=0 DEBIAN_FRONTEND=noninteractive
base_image="${ORLEANSMESH_BASE_IMAGE:-orleansmesh/debian-base:bookworm}"
redis_image="${ORLEANSMESH_REDIS_IMAGE:-orleansmesh/redis:local}"
dockerd_log="${DOCKERD_LOG:-/var/log/orleansmesh-dockerd.log}"
started=$SECONDS

fail() { echo "docker-setup: error: $*" >&2; exit 1; }
step() { echo "docker-setup: $* ($((SECONDS - started)) s)"; }

# The Debian mirror apt uses here (deb822 .sources or one-line sources.list), so debootstrap needs no other host.
debian_mirror() {
  local uri
  uri=$(grep -hsE '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{ print $2 }' | grep -vE 'security|updates' | grep -m1 -i debian || true)
  [ -n "$uri" ] || uri=$(grep -hsE '^deb +(\[[^]]*\] +)?https?://' /etc/apt/sources.list /etc/apt/sources.list.d/*.list \
    | grep -vE 'security|updates' | grep -m1 -oE 'https?://[^ ]*debian[^ ]*' || true)
  echo "${uri:-http://deb.debian.org/debian}"
}

if ! command -v dockerd >/dev/null || ! command -v debootstrap >/dev/null; then
  [ "$(id -u)" -eq 0 ] || fail "dockerd or debootstrap is missing and installing them needs root (apt-get install docker.io debootstrap)"
  apt-get update -qq >/dev/null || fail "apt-get update failed: Debian's package mirror is needed to install docker.io"
  apt-get install -y -qq --no-install-recommends docker.io debootstrap >/dev/null \
    || fail "apt-get install docker.io debootstrap failed"
  step "installed docker.io and debootstrap"
fi

if ! docker info >/dev/null 2>&1; then
  [ "$(id -u)" -eq 0 ] || fail "the Docker daemon is not running and starting it needs root"
  # No bridge, no iptables: this machine's network is loopback only, and containers share the host's network.
  setsid nohup dockerd --bridge=none --iptables=false >"$dockerd_log" 2>&1 < /dev/null &
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && break
    sleep 1
  done
  docker info >/dev/null 2>&1 || { tail -n 20 "$dockerd_log" >&2; fail "dockerd did not start within 60 s (log: $dockerd_log)"; }
  step "started dockerd (log: $dockerd_log, storage driver: $(docker info --format '{{.Driver}}'))"
fi

if ! docker image inspect "$base_image" >/dev/null 2>&1; then
  mirror=$(debian_mirror)
  rootfs=$(mktemp -d)
  trap 'rm -rf "$rootfs"' EXIT
  debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >/dev/null \
    || fail "debootstrap bookworm from $mirror failed"
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  tar -C "$rootfs" -c . | docker import - "$base_image" >/dev/null || fail "docker import of the debootstrap tree failed"
  rm -rf "$rootfs"
  step "built $base_image from $mirror"
fi

if ! docker image inspect "$redis_image" >/dev/null 2>&1; then
  build_log=$(mktemp)
  # The legacy builder (this engine has no BuildKit) warns that it is deprecated on every build: shown only on failure.
  docker build --network host --build-arg "BASE_IMAGE=$base_image" -t "$redis_image" \
    -f eng/docker/redis.Dockerfile eng/docker >"$build_log" 2>&1 || { tail -n 30 "$build_log" >&2; fail "building $redis_image failed"; }
  rm -f "$build_log"
  step "built $redis_image"
fi

step "ready: $(docker version --format 'engine {{.Server.Version}}, API {{.Server.APIVersion}}'), images $base_image and $redis_image"
