# An ASP.NET Core runtime image made from this machine's own shared runtimes (the context holds dotnet/ with host/
# and shared/ only), for machines that reach no container registry. eng/docker-images.sh builds it; elsewhere use
# mcr.microsoft.com/dotnet/aspnet:10.0.
ARG BASE_IMAGE=orleansmesh/debian-base:bookworm
FROM ${BASE_IMAGE}
RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ca-certificates libssl3 zlib1g \
 && rm -rf /var/lib/apt/lists/*
COPY dotnet/ /usr/share/dotnet/
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet
ENV DOTNET_ROOT=/usr/share/dotnet DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1
