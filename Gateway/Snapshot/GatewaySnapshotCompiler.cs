using OrleansMesh.ControlPlane;
using OrleansMesh.Gateway.Routing;
using OrleansMesh.Gateway.Security;

namespace OrleansMesh.Gateway.Snapshot;

/// <summary>
/// Compiles one config generation into one <see cref="GatewaySnapshot"/>. The result depends on the config (and this
/// gateway's labels) alone: the caches it consults across generations are only added to here, never pruned, and what
/// changes state a served snapshot shares waits in <see cref="CompiledSnapshot.Commit"/>.
/// </summary>
internal sealed class GatewaySnapshotCompiler(RoutingSnapshotCompiler routing, SecuritySnapshotCompiler security)
{
    /// <summary>Throws when the config cannot be compiled; nothing has changed then.</summary>
    public CompiledSnapshot Compile(MeshSnapshot config, IReadOnlyDictionary<string, string> gatewayLabels)
    {
        ArgumentNullException.ThrowIfNull(config);
        var (routes, commitRouting) = routing.Prepare(config, gatewayLabels);
        var (policies, commitSecurity) = security.Prepare(config, gatewayLabels);
        return new CompiledSnapshot(new GatewaySnapshot(config.Generation, routes, policies), commitRouting, commitSecurity);
    }
}
