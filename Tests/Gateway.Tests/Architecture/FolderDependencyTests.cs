using OrleansMesh.Gateway.Model;

namespace OrleansMesh.Gateway.Tests.Architecture;

/// <summary>
/// The gateway's folders import each other in one direction: a small shared model at the bottom, feature folders above
/// it, the request pipeline, the control-plane subscription and the hosting wiring on top. Read from the compiled
/// assembly's types (signatures and method bodies), so a new reference that closes a cycle fails here.
/// </summary>
public sealed class FolderDependencyTests
{
    private static readonly FolderGraph s_graph = FolderGraph.Of(typeof(Rejection).Assembly);

    [Fact]
    public void Folders_NoneInACycle()
    {
        var cycles = s_graph.Cycles();

        Assert.True(cycles.Count == 0, "Folders that use each other:\n" + string.Join("\n\n", cycles.Select(c => string.Join(", ", c) + ":\n  " + string.Join("\n  ", s_graph.Within(c)))));
    }

    [Fact]
    public void Graph_ReadsMethodBodies()
    {
        // MeshConfigSubscriber's only use of Telemetry is a static call inside a method.
        Assert.Contains("Telemetry", s_graph.Edges["ControlPlane"].Keys);
    }

    [Fact]
    public void Model_UsesNoOtherFolder()
    {
        var used = s_graph.Edges.TryGetValue("Model", out var targets) ? targets : [];

        Assert.True(used.Count == 0, "Model uses: " + string.Join("; ", used.Select(t => $"{t.Key} ({t.Value})")));
    }

    [Theory]
    [InlineData("Hosting")]
    [InlineData("Pipeline")]
    [InlineData("ControlPlane")]
    public void TopFolder_UsedByNoFeature(string top)
    {
        var users = s_graph.Edges.Where(e => e.Value.ContainsKey(top) && e.Key is not ("Hosting" or "ControlPlane" or "Pipeline")).Select(e => $"{e.Key} ({e.Value[top]})").ToArray();

        Assert.True(users.Length == 0, $"{top} is used by: " + string.Join("; ", users));
    }
}
