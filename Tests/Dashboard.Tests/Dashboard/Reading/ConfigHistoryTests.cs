using Microsoft.Extensions.Time.Testing;
using OrleansMesh.ControlPlane;
using OrleansMesh.Networking;
using OrleansMesh.Rollouts;
using OrleansMesh.Silo.Dashboard;
using OrleansMesh.Silo.Dashboard.Reading;

namespace OrleansMesh.Dashboard.Tests.Dashboard.Reading;

public sealed class ConfigHistoryTests
{
    private static readonly Guid Epoch = Guid.NewGuid();
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Record_NextGeneration_NamesAddedChangedAndRemoved()
    {
        var history = new ConfigHistory(_time);
        history.Record(new MeshVersion(Epoch, 1), [Rule("a", "v1"), Rule("b", "v1")]);

        history.Record(new MeshVersion(Epoch, 2), [Rule("a", "v2"), Rule("c", "v1")]);

        var latest = history.View().History[0];
        Assert.Equal(2, latest.Generation);
        Assert.Equal(["~ destinationrule/default/a", "+ destinationrule/default/c", "- destinationrule/default/b"], latest.Changes);
    }

    [Fact]
    public void Record_RolloutStep_NamesTheLiveWeight()
    {
        var history = new ConfigHistory(_time);
        LiveWeight weight = new() { Rollout = new(ResourceKind.Rollout, "default", "chat"), Host = "chat", Stable = "v1", Canary = "v2", CanaryWeight = 10 };
        history.Record(new MeshVersion(Epoch, 1), [Rule("a", "v1")], [weight]);

        history.Record(new MeshVersion(Epoch, 2), [Rule("a", "v1")], [weight with { CanaryWeight = 20 }]);

        Assert.Equal(["~ live weight of rollout default/chat: chat: v2 at 20%"], history.View().History[0].Changes);
    }

    [Fact]
    public void Record_ManyGenerations_KeepsTheNewestOnly()
    {
        var history = new ConfigHistory(_time);

        for (var generation = 1; generation <= DashboardDefaults.HistoryLimit + 10; generation++)
        {
            history.Record(new MeshVersion(Epoch, generation), [Rule("a", $"v{generation}")]);
        }

        var view = history.View();
        Assert.Equal(DashboardDefaults.HistoryLimit, view.History.Count);
        Assert.Equal(DashboardDefaults.HistoryLimit + 10, view.History[0].Generation);
    }

    [Fact]
    public void SeenLive_FirstGenerationSeen_UnknownLaterOnesKnown()
    {
        var history = new ConfigHistory(_time);
        history.Record(new MeshVersion(Epoch, 1), [Rule("a", "v1")]);
        _time.Advance(TimeSpan.FromSeconds(3));
        history.Record(new MeshVersion(Epoch, 2), [Rule("a", "v2")]);

        Assert.Equal((null, _time.GetUtcNow()), (history.SeenLive(1), history.SeenLive(2)));
    }

    private static DestinationRule Rule(string name, string subset) => new()
    {
        Metadata = new() { Name = name },
        Spec = new() { Host = name, Subsets = [new Subset { Name = subset }] },
    };
}
