# A .NET SDK image made from this machine's own SDK (the context holds dotnet/), for machines that reach no
# container registry. eng/docker-images.sh builds it; elsewhere use mcr.microsoft.com/dotnet/sdk:10.0.
ARG BASE_IMAGE=orleansmesh/debian-base:bookworm
FROM ${BASE_IMAGE}
RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ca-certificates libssl3 zlib1g libicu72 \
 && rm -rf /var/lib/apt/lists/*
COPY dotnet/ /usr/share/dotnet/
# The host's CA bundle: NuGet is reached the way this machine reaches it (a TLS-inspecting proxy's root included).
COPY host-ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet
ENV DOTNET_ROOT=/usr/share/dotnet DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 \
    NUGET_CERT_REVOCATION_MODE=offline
