using Microsoft.Extensions.Options;
using OrleansMesh.ControlPlane;
using OrleansMesh.Gateway.Model;
using OrleansMesh.Gateway.Security.Authorization;
using OrleansMesh.Gateway.Security.Jwt;
using OrleansMesh.Security;

namespace OrleansMesh.Gateway.Security;

/// <summary>
/// Compiles the pushed RequestAuthentications and AuthorizationPolicies into a <see cref="SecuritySnapshot"/> for this
/// gateway (its <see cref="MeshGatewayOptions.Namespace"/> and the labels it is given), the root namespace being Istio's
/// default, <see cref="PeerAuthenticationResolver.DefaultRootNamespace"/>.
/// </summary>
internal sealed class SecuritySnapshotCompiler(JwksCache jwks, IOptions<MeshGatewayOptions> gateway)
{
    private readonly string _gatewayNamespace = gateway.Value.Namespace;

    /// <summary>Compiles and commits at once: for a snapshot used alone (tests), never swapped with others.</summary>
    public SecuritySnapshot Compile(MeshSnapshot mesh, IReadOnlyDictionary<string, string> gatewayLabels)
    {
        var (snapshot, commit) = Prepare(mesh, gatewayLabels);
        commit();
        return snapshot;
    }

    /// <summary>Compiles without pruning the JWKS cache: the returned commit does, once the snapshot is served.</summary>
    public (SecuritySnapshot Snapshot, Action Commit) Prepare(MeshSnapshot mesh, IReadOnlyDictionary<string, string> gatewayLabels)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        var providers = mesh.RequestAuthentications
            .Select(a => new ScopedProviders(PolicyScope.Of(a.Metadata, a.Spec.Selector), [.. a.Spec.JwtRules.Select(r => new JwtProvider(r, jwks.For(r)))]))
            .ToArray();

        // CUSTOM is refused at apply time; should a stored config still hold one, it must not silently allow.
        var policies = mesh.AuthorizationPolicies
            .Select(p => p.Spec.Action == AuthorizationAction.Custom ? p with { Spec = p.Spec with { Action = AuthorizationAction.Deny, Rules = [new()] } } : p)
            .Select(p => new CompiledPolicy(p))
            .ToArray();
        var snapshot = new SecuritySnapshot(
            mesh.Generation, providers, policies, PeerAuthenticationResolver.DefaultRootNamespace, _gatewayNamespace, gatewayLabels, mesh.PeerAuthentications);
        return (snapshot, () => jwks.Retain(mesh.RequestAuthentications.SelectMany(a => a.Spec.JwtRules)));
    }
}
