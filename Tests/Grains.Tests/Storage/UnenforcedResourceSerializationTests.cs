using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using OrleansMesh.Grains.Config;
using OrleansMesh.Networking;
using static OrleansMesh.Grains.Tests.TestResources;

namespace OrleansMesh.Grains.Tests.Storage;

/// <summary>A stored-but-not-enforced kind survives the serializer every grain storage writes with.</summary>
public sealed class UnenforcedResourceSerializationTests : IDisposable
{
    private readonly ServiceProvider services = new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(StoredResource).Assembly).AddAssembly(typeof(MeshResource).Assembly))
        .BuildServiceProvider();

    public void Dispose() => services.Dispose();

    [Fact]
    public void Serialize_StoredWorkloadGroup_RoundTripsKindAndSpec()
    {
        var serializer = services.GetRequiredService<Serializer>();
        var stored = Stored(
            new UnenforcedResource
            {
                StoredKind = ResourceKind.WorkloadGroup,
                ApiVersion = "networking.istio.io/v1",
                Metadata = new ResourceMetadata { Name = "vm", Namespace = "default" },
                SpecYaml = "template:\n  serviceAccount: vm\n",
            },
            revision: 7);

        var read = serializer.Deserialize<StoredResource>(serializer.SerializeToArray(stored));

        var resource = Assert.IsType<UnenforcedResource>(read?.Resource);
        Assert.Equal(ResourceKind.WorkloadGroup, resource.Kind);
        Assert.Equal(new ResourceId(ResourceKind.WorkloadGroup, "default", "vm"), resource.Id);
        Assert.Equal("template:\n  serviceAccount: vm\n", resource.SpecYaml);
    }
}
