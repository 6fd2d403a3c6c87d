using System.Globalization;
using OrleansMesh.ControlPlane;

namespace OrleansMesh.Grains.Config;

/// <summary>
/// The warning of a commit whose config was stored but some of whose route tables could not be written: the
/// change took effect (a retry would say "unchanged"), so it is not an error, but its routes reach gateways later.
/// </summary>
internal static class TableWriteWarning
{
    public static ConfigDiagnostic Create(long generation, IEnumerable<string> hosts, TimeSpan retryInterval) => new()
    {
        Severity = DiagnosticSeverity.Warning,
        Message = string.Create(
            CultureInfo.InvariantCulture,
            $"The change is stored at generation {generation}, but the route tables of {string.Join(", ", hosts.Order(StringComparer.Ordinal))} could not be written yet; the control plane rewrites them (retrying every {retryInterval.TotalSeconds:0.#} s) and gateways get the change then. There is no need to apply it again."),
    };
}
