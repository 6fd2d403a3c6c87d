using System.Collections.Immutable;

namespace OrleansMesh.Security;

/// <summary>
/// The mutual TLS mode one workload enforces, merged from every <see cref="PeerAuthentication"/> that applies to it
/// (see <see cref="PeerAuthenticationResolver"/>): a mode for the workload, and per-port modes that override it.
/// Never <see cref="MutualTlsMode.Unset"/>. Value equality, so a holder can tell whether a new read changed anything.
/// </summary>
public sealed record EffectivePeerAuthentication
{
    /// <summary>What a workload enforces when no policy says anything: PERMISSIVE, as Istio.</summary>
    public static EffectivePeerAuthentication Default { get; } = new();

    /// <summary>The workload's mode. Default: <see cref="MutualTlsMode.Permissive"/>.</summary>
    public MutualTlsMode Mode { get; init; } = MutualTlsMode.Permissive;

    /// <summary>Modes of single ports (the workload's own port numbers), overriding <see cref="Mode"/>. Default: none.</summary>
    public ImmutableDictionary<int, MutualTlsMode> PortModes { get; init; } = ImmutableDictionary<int, MutualTlsMode>.Empty;

    /// <summary>The mode a connection to <paramref name="port"/> gets.</summary>
    public MutualTlsMode ModeFor(int port) => PortModes.TryGetValue(port, out var mode) ? mode : Mode;

    /// <inheritdoc />
    public bool Equals(EffectivePeerAuthentication? other) =>
        other is not null
        && Mode == other.Mode
        && PortModes.Count == other.PortModes.Count
        && PortModes.All(p => other.PortModes.TryGetValue(p.Key, out var mode) && mode == p.Value);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Mode, PortModes.Count);

    /// <summary>The mode and any port overrides, e.g. <c>STRICT (port 8080: DISABLE)</c>, for logs.</summary>
    public override string ToString() => PortModes.IsEmpty
        ? Name(Mode)
        : $"{Name(Mode)} ({string.Join(", ", PortModes.OrderBy(p => p.Key).Select(p => $"port {p.Key}: {Name(p.Value)}"))})";

    private static string Name(MutualTlsMode mode) => mode.ToString().ToUpperInvariant();
}
