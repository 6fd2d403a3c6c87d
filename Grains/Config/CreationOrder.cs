using OrleansMesh.Networking;

namespace OrleansMesh.Grains.Config;

/// <summary>
/// Resources oldest first (by creation revision, then namespace and name), as Istio merges VirtualServices and
/// picks among DestinationRules. Route tables and the reference validator both see the mesh in this order.
/// </summary>
internal static class CreationOrder
{
    public static List<MeshResource> Sort(IEnumerable<StoredResource> resources) =>
        resources.OrderBy(r => r.CreatedRevision)
            .ThenBy(r => r.Resource.Metadata.Namespace, StringComparer.Ordinal)
            .ThenBy(r => r.Resource.Metadata.Name, StringComparer.Ordinal)
            .Select(r => r.Resource)
            .ToList();
}
