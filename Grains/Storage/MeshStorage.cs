namespace OrleansMesh.Grains.Storage;

/// <summary>The grain storage the control plane's grains persist to.</summary>
internal static class MeshStorage
{
    /// <summary>
    /// The provider name every mesh grain's <c>[PersistentState]</c> names; the silo registers
    /// SQLite or memory storage under it.
    /// </summary>
    public const string Name = "mesh";
}
