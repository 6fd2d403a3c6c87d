using OrleansMesh.ControlPlane;

namespace OrleansMesh.Gateway.ControlPlane;

/// <summary>Applies a pushed <see cref="MeshUpdate"/> to the snapshot it was based on.</summary>
internal static class MeshSnapshotMerge
{
    public static MeshSnapshot Apply(MeshSnapshot current, MeshUpdate update)
    {
        var replaced = update.Changed.Select(t => t.Host).Concat(update.Removed).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new MeshSnapshot
        {
            Epoch = update.Epoch,
            Generation = update.Generation,
            Tables = [.. current.Tables.Where(t => !replaced.Contains(t.Host)), .. update.Changed],
            Gateways = update.Gateways,
            RequestAuthentications = update.RequestAuthentications,
            AuthorizationPolicies = update.AuthorizationPolicies,
            PeerAuthentications = update.PeerAuthentications,
            LiveWeights = update.LiveWeights,
        };
    }
}
