using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Serialization;
using Orleans.Storage;
using OrleansMesh.ControlPlane;
using OrleansMesh.Grains.Routing;
using OrleansMesh.Grains.Storage;
using static OrleansMesh.Grains.Tests.TestResources;

namespace OrleansMesh.Grains.Tests.Storage;

public sealed class SqliteGrainStorageTests : IDisposable
{
    private static readonly GrainId Grain = GrainId.Create("routetable", "reviews.default.svc");
    private readonly TempDirectory directory = new();
    private readonly ServiceProvider services = new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(RouteTableState).Assembly).AddAssembly(typeof(RouteTable).Assembly))
        .BuildServiceProvider();

    public void Dispose()
    {
        services.Dispose();
        directory.Dispose();
    }

    [Fact]
    public async Task WriteStateAsync_ThenRead_SameStateAndEtag()
    {
        var storage = await StartAsync();
        var written = State(generation: 3);
        await storage.WriteStateAsync("routeTable", Grain, written);

        var read = new GrainState<RouteTableState>(new RouteTableState());
        await storage.ReadStateAsync("routeTable", Grain, read);

        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(3, read.State!.Table!.Generation);
        Assert.Equal("vs", Assert.Single(read.State!.Table!.VirtualServices).Metadata.Name);
    }

    [Fact]
    public async Task ReadStateAsync_NothingWritten_NoRecord()
    {
        var storage = await StartAsync();
        var read = new GrainState<RouteTableState>(new RouteTableState());

        await storage.ReadStateAsync("routeTable", Grain, read);

        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
        Assert.Null(read.State!.Table);
    }

    [Fact]
    public async Task WriteStateAsync_StaleEtag_InconsistentState()
    {
        var storage = await StartAsync();
        var first = State(1);
        await storage.WriteStateAsync("routeTable", Grain, first);
        var stale = State(2);
        stale.ETag = first.ETag;
        await storage.WriteStateAsync("routeTable", Grain, first);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("routeTable", Grain, stale));
    }

    [Fact]
    public async Task WriteStateAsync_NoEtagButRecordExists_InconsistentState()
    {
        var storage = await StartAsync();
        await storage.WriteStateAsync("routeTable", Grain, State(1));

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("routeTable", Grain, State(2)));
    }

    [Fact]
    public async Task WriteStateAsync_OtherStateName_SeparateRecord()
    {
        var storage = await StartAsync();
        await storage.WriteStateAsync("routeTable", Grain, State(1));
        var other = State(7);

        await storage.WriteStateAsync("otherState", Grain, other);

        Assert.NotNull(other.ETag);
    }

    [Fact]
    public async Task ClearStateAsync_CurrentEtag_RecordGone()
    {
        var storage = await StartAsync();
        var state = State(1);
        await storage.WriteStateAsync("routeTable", Grain, state);

        await storage.ClearStateAsync("routeTable", Grain, state);

        var read = new GrainState<RouteTableState>(new RouteTableState());
        await storage.ReadStateAsync("routeTable", Grain, read);
        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.False(read.RecordExists);
    }

    [Fact]
    public async Task ClearStateAsync_StaleEtag_InconsistentState()
    {
        var storage = await StartAsync();
        var state = State(1);
        await storage.WriteStateAsync("routeTable", Grain, state);
        var stale = State(1);
        stale.ETag = state.ETag;
        await storage.WriteStateAsync("routeTable", Grain, state);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("routeTable", Grain, stale));
    }

    [Fact]
    public async Task ReadStateAsync_NewStorageInstanceOnSameFile_SeesEarlierWrite()
    {
        var before = await StartAsync();
        var state = State(5);
        await before.WriteStateAsync("routeTable", Grain, state);

        var after = await StartAsync();
        var read = new GrainState<RouteTableState>(new RouteTableState());
        await after.ReadStateAsync("routeTable", Grain, read);

        Assert.Equal(state.ETag, read.ETag);
        Assert.Equal(5, read.State!.Table!.Generation);
    }

    [Fact]
    public async Task InitializeAsync_MissingDirectory_CreatesItInWalMode()
    {
        var storage = Create(Path.Combine(directory.Path, "nested", "deeper", "mesh.db"));

        await storage.InitializeAsync(CancellationToken.None);

        await using var connection = new SqliteConnection($"Data Source={storage.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task InitializeAsync_DirectoryIsAFile_ErrorNamesPathAndSetting()
    {
        var file = Path.Combine(directory.Path, "not-a-directory");
        await File.WriteAllTextAsync(file, "");
        var storage = Create(Path.Combine(file, "mesh.db"));

        var error = await Assert.ThrowsAsync<OrleansConfigurationException>(() => storage.InitializeAsync(CancellationToken.None));

        Assert.Contains(Path.Combine(file, "mesh.db"), error.Message, StringComparison.Ordinal);
        Assert.Contains("OrleansMesh:DataDirectory", error.Message, StringComparison.Ordinal);
    }

    private async Task<SqliteGrainStorage> StartAsync()
    {
        var storage = Create(Path.Combine(directory.Path, "mesh.db"));
        await storage.InitializeAsync(CancellationToken.None);
        return storage;
    }

    private SqliteGrainStorage Create(string path) => new(
        "mesh",
        path,
        new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>()),
        NullLogger<SqliteGrainStorage>.Instance);

    private static GrainState<RouteTableState> State(long generation) => new(new RouteTableState
    {
        Table = new RouteTable { Host = "reviews.default.svc", Generation = generation, VirtualServices = [VirtualService("vs", ["reviews.default.svc"])] },
    });
}
