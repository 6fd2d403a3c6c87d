# Redis for the tests (and a local stand-in for k8s/redis.yaml's image), built on a base image made without a registry
# by eng/docker-setup.sh. Run it with host networking; the tests pass --port and --bind 127.0.0.1.
ARG BASE_IMAGE=orleansmesh/debian-base:bookworm
FROM ${BASE_IMAGE}
RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server \
 && rm -rf /var/lib/apt/lists/* \
 && mkdir -p /data && chown redis:redis /data
USER redis
WORKDIR /data
EXPOSE 6379
CMD ["redis-server", "--bind", "127.0.0.1", "--protected-mode", "no", "--dir", "/data", "--appendonly", "yes"]
