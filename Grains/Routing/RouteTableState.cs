using OrleansMesh.ControlPlane;

namespace OrleansMesh.Grains.Routing;

/// <summary>The persisted state of a route-table grain.</summary>
[GenerateSerializer, Alias("om.RouteTableState")]
internal sealed class RouteTableState
{
    /// <summary>The table; null until first written.</summary>
    [Id(0)] public RouteTable? Table { get; set; }
}
