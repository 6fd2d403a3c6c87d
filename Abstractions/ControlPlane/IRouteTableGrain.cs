namespace OrleansMesh.ControlPlane;

/// <summary>
/// Owns one host's route table: its VirtualServices, DestinationRule and endpoints.
/// Keyed by host. Written by <see cref="IMeshConfigGrain"/>, which keeps the cross-host index.
/// </summary>
[Alias("om.IRouteTableGrain")]
public interface IRouteTableGrain : IGrainWithStringKey
{
    /// <summary>Returns the current table.</summary>
    [Alias("Get")]
    Task<RouteTable> GetAsync();

    /// <summary>
    /// Replaces the table's content. The generation is bumped when the content differs;
    /// the returned table carries the resulting generation.
    /// </summary>
    [Alias("Replace")]
    Task<RouteTable> ReplaceAsync(RouteTable table);
}
