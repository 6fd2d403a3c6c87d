using OrleansMesh.Integration.Tests.Infrastructure;

namespace OrleansMesh.Integration.Tests.Framing;

/// <summary>One real gateway in front of a <see cref="MarkerUpstream"/> for a whole abuse suite (host <see cref="Host"/>).</summary>
public sealed class AbuseGateway : IAsyncLifetime
{
    public const string Host = "abuse.test";
    private readonly MeshCluster _mesh = new(silos: 1);

    internal MarkerUpstream Upstream { get; private set; } = null!;

    internal GatewayHost Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _mesh.StartAsync();
        Upstream = await MarkerUpstream.StartAsync();
        await _mesh.ApplyAsync($$$"""
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata: {name: abuse}
            spec:
              hosts: [{{{Host}}}]
              ports: [{number: 80, name: http, protocol: HTTP}]
              resolution: STATIC
              endpoints:
              - {address: 127.0.0.1, ports: {http: {{{Upstream.Port}}}}}
            """);
        Gateway = await GatewayHost.StartAsync(_mesh.Grains);
    }

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Upstream.DisposeAsync();
        await _mesh.DisposeAsync();
    }
}
