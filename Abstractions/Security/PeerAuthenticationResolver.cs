using System.Collections.Immutable;
using System.Globalization;
using OrleansMesh.Networking;

namespace OrleansMesh.Security;

/// <summary>
/// Istio's merge of <see cref="PeerAuthentication"/> policies for one workload: the mesh-wide policy (no selector, in
/// the root namespace) is overridden by the namespace-wide one (no selector, in the workload's namespace), which is
/// overridden by a workload-specific one (a selector matching the workload's labels, in its namespace). A level whose
/// mode is UNSET (or absent) inherits from the level above; nothing set anywhere is PERMISSIVE. <c>portLevelMtls</c> is
/// honoured only on the workload-specific policy, an UNSET port inheriting the workload's mode. Selector policies in the
/// root namespace are ignored, as Istio does. Among several policies of one level, the oldest wins; the caller's order
/// is taken as age (the first is the oldest).
/// </summary>
public static class PeerAuthenticationResolver
{
    /// <summary>Istio's default root namespace, where a policy without selector is mesh-wide.</summary>
    public const string DefaultRootNamespace = "istio-system";

    /// <summary>The effective mode of the workload in <paramref name="workloadNamespace"/> carrying <paramref name="workloadLabels"/>.</summary>
    /// <param name="policies">Every PeerAuthentication of the mesh, oldest first.</param>
    /// <param name="workloadNamespace">The workload's namespace.</param>
    /// <param name="workloadLabels">The workload's labels, matched against selectors.</param>
    /// <param name="rootNamespace">The mesh's root namespace. Default: <see cref="DefaultRootNamespace"/>.</param>
    public static EffectivePeerAuthentication Resolve(
        IEnumerable<PeerAuthentication> policies,
        string workloadNamespace,
        IReadOnlyDictionary<string, string> workloadLabels,
        string rootNamespace = DefaultRootNamespace)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(workloadNamespace);
        ArgumentNullException.ThrowIfNull(workloadLabels);
        ArgumentNullException.ThrowIfNull(rootNamespace);

        PeerAuthenticationSpec? mesh = null, @namespace = null, workload = null;
        foreach (var policy in policies)
        {
            var ns = policy.Metadata.Namespace;
            var spec = policy.Spec;
            if (!HasSelector(spec))
            {
                if (ns == rootNamespace)
                {
                    mesh ??= spec;
                }
                else if (ns == workloadNamespace)
                {
                    @namespace ??= spec;
                }
            }
            else if (ns != rootNamespace && ns == workloadNamespace && WorkloadSelector.Matches(spec.Selector!.Labels, workloadLabels))
            {
                workload ??= spec;
            }
        }

        var mode = Inherit(Inherit(Inherit(MutualTlsMode.Permissive, mesh?.Mtls), @namespace?.Mtls), workload?.Mtls);
        var ports = ImmutableDictionary.CreateBuilder<int, MutualTlsMode>();
        foreach (var (port, mtls) in workload?.PortLevelMtls ?? ImmutableDictionary<string, PeerMutualTls>.Empty)
        {
            // Validation refuses bad port keys at apply time; one that slipped through names no port we listen on.
            if (int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                ports[number] = Inherit(mode, mtls);
            }
        }

        return new EffectivePeerAuthentication { Mode = mode, PortModes = ports.ToImmutable() };
    }

    // Istio treats an empty matchLabels as no selector at all.
    private static bool HasSelector(PeerAuthenticationSpec spec) => spec.Selector is { Labels.IsEmpty: false };

    private static MutualTlsMode Inherit(MutualTlsMode parent, PeerMutualTls? mtls) =>
        mtls is null || mtls.Mode == MutualTlsMode.Unset ? parent : mtls.Mode;
}
