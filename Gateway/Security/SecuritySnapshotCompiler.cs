using System.Collections.Immutable;
using OrleansMesh.ControlPlane;
using OrleansMesh.Gateway.Security.Authorization;
using OrleansMesh.Gateway.Security.Jwt;

namespace OrleansMesh.Gateway.Security;

/// <summary>Compiles the pushed RequestAuthentications and AuthorizationPolicies into a <see cref="SecuritySnapshot"/>.</summary>
internal sealed class SecuritySnapshotCompiler(JwksCache jwks)
{
    public SecuritySnapshot Compile(MeshSnapshot mesh, IReadOnlyDictionary<string, string> gatewayLabels)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        var meshProviders = new List<JwtProvider>();
        var selected = new List<(ImmutableDictionary<string, string>, JwtProvider[])>();
        foreach (var authentication in mesh.RequestAuthentications)
        {
            var providers = authentication.Spec.JwtRules.Select(r => new JwtProvider(r, jwks.For(r))).ToArray();
            if (authentication.Spec.Selector is { Labels.IsEmpty: false } selector)
            {
                selected.Add((selector.Labels, providers));
            }
            else
            {
                meshProviders.AddRange(providers);
            }
        }

        jwks.Retain(mesh.RequestAuthentications.SelectMany(a => a.Spec.JwtRules));

        // CUSTOM is refused at apply time; should a stored config still hold one, it must not silently allow.
        var policies = mesh.AuthorizationPolicies
            .Select(p => p.Spec.Action == OrleansMesh.Security.AuthorizationAction.Custom ? p with { Spec = p.Spec with { Action = OrleansMesh.Security.AuthorizationAction.Deny, Rules = [new()] } } : p)
            .Select(p => p.Spec.Selector is { Labels.IsEmpty: true } ? p with { Spec = p.Spec with { Selector = null } } : p)
            .Select(p => new CompiledPolicy(p))
            .ToArray();
        return new SecuritySnapshot(mesh.Generation, meshProviders, selected, policies, gatewayLabels, mesh.PeerAuthentications);
    }
}
