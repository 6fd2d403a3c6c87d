using Orleans.Serialization;
using Orleans.Storage;

namespace OrleansMesh.Grains.Storage;

/// <summary>Registers in-memory storage for the mesh's grains (tests, benchmarks and throw-away silos).</summary>
public static class MeshMemoryStorageExtensions
{
    /// <summary>
    /// Adds memory grain storage under the mesh's storage name, serializing with Orleans' own serializer as the
    /// SQLite provider does: the mesh's state types carry Orleans serializer attributes, not JSON contracts.
    /// </summary>
    public static ISiloBuilder AddMeshMemoryGrainStorage(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddMemoryGrainStorage(MeshStorage.Name, o => o.Configure<Serializer>((memory, serializer) =>
            memory.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer)));
    }
}
