using System.Diagnostics.Metrics;

namespace OrleansMesh.Grains.Config;

/// <summary>
/// The config grain's figures, on the silo hosting its activation (silos export them on <c>/metrics</c>): the config
/// generation and the gateways subscribed to pushes.
/// </summary>
internal static class ControlPlaneMetrics
{
    public const string MeterName = "OrleansMesh.ControlPlane";

    private static readonly Meter s_meter = new(MeterName);
    private static readonly Gauge<long> s_generation = s_meter.CreateGauge<long>("orleansmesh_config_generation", description: "The mesh config generation the control plane holds.");
    private static readonly Gauge<int> s_gateways = s_meter.CreateGauge<int>("orleansmesh_connected_gateways", description: "Gateways subscribed to config pushes.");

    public static void Generation(long generation) => s_generation.Record(generation);

    public static void Gateways(int count) => s_gateways.Record(count);
}
