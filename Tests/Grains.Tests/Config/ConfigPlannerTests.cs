using System.Collections.Immutable;
using OrleansMesh.ControlPlane;
using OrleansMesh.Grains.Config;
using OrleansMesh.Networking;
using static OrleansMesh.Grains.Tests.TestResources;

namespace OrleansMesh.Grains.Tests.Config;

public sealed class ConfigPlannerTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public void PlanApply_NewResources_CreatedWithRevisionsInRequestOrder()
    {
        var plan = ConfigPlanner.PlanApply(Empty, Apply(VirtualService("b", ["h"]), VirtualService("a", ["h"])).Resources, lastRevision: 7, Now);

        Assert.Equal([ChangeAction.Created, ChangeAction.Created], plan.Changes.Select(c => c.Action));
        Assert.Equal(8, plan.Next[Id(ResourceKind.VirtualService, "b")].CreatedRevision);
        Assert.Equal(9, plan.Next[Id(ResourceKind.VirtualService, "a")].CreatedRevision);
        Assert.Equal(Now, plan.Next[Id(ResourceKind.VirtualService, "a")].CreatedAt);
        Assert.Equal(9, plan.LastRevision);
    }

    [Fact]
    public void PlanApply_ChangedSpec_ConfiguredKeepingCreation()
    {
        var stored = Store(Stored(VirtualService("vs", ["h"]), 3));

        var plan = ConfigPlanner.PlanApply(stored, Apply(VirtualService("vs", ["h", "i"])).Resources, lastRevision: 3, Now);

        Assert.Equal(ChangeAction.Configured, Assert.Single(plan.Changes).Action);
        Assert.Equal(3, plan.Next[Id(ResourceKind.VirtualService, "vs")].CreatedRevision);
        Assert.Equal(["h", "i"], ((VirtualService)plan.Next[Id(ResourceKind.VirtualService, "vs")].Resource).Spec.Hosts.ToArray());
    }

    [Fact]
    public void PlanApply_SameContent_Unchanged()
    {
        var stored = Store(Stored(VirtualService("vs", ["h"]), 3));

        var plan = ConfigPlanner.PlanApply(stored, Apply(VirtualService("vs", ["h"])).Resources, lastRevision: 3, Now);

        Assert.Equal(ChangeAction.Unchanged, Assert.Single(plan.Changes).Action);
        Assert.False(plan.HasChanges);
    }

    [Fact]
    public void PlanApply_SameIdTwice_ErrorLocatedAtSecondOccurrence()
    {
        var origin = new ResourceOrigin { File = "mesh.yaml", Document = 3, Line = 20 };
        ImmutableArray<SourcedResource> resources =
        [
            new() { Resource = VirtualService("vs", ["h"]), Origin = new ResourceOrigin { File = "mesh.yaml", Document = 1, Line = 1 } },
            new() { Resource = VirtualService("vs", ["i"]), Origin = origin },
        ];

        var plan = ConfigPlanner.PlanApply(Empty, resources, lastRevision: 0, Now);

        var error = Assert.Single(plan.Diagnostics);
        Assert.True(plan.HasErrors);
        Assert.Equal("virtualservice/default/vs", error.Resource);
        Assert.Equal("mesh.yaml", error.File);
        Assert.Equal(3, error.Document);
    }

    [Fact]
    public void PlanDelete_MissingResource_NotFoundError()
    {
        var plan = ConfigPlanner.PlanDelete(Empty, [Id(ResourceKind.DestinationRule, "gone")], lastRevision: 0);

        var error = Assert.Single(plan.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Equal("destinationrule/default/gone", error.Resource);
        Assert.Equal("DestinationRule \"gone\" not found in namespace \"default\".", error.Message);
    }

    [Fact]
    public void PlanDelete_StoredResource_DeletedAndRemovedFromNext()
    {
        var stored = Store(Stored(DestinationRule("dr", "h"), 1), Stored(VirtualService("vs", ["h"]), 2));

        var plan = ConfigPlanner.PlanDelete(stored, [Id(ResourceKind.DestinationRule, "dr")], lastRevision: 2);

        Assert.False(plan.HasErrors);
        Assert.Equal(ChangeAction.Deleted, Assert.Single(plan.Changes).Action);
        Assert.Equal([Id(ResourceKind.VirtualService, "vs")], plan.Next.Keys);
    }

    [Fact]
    public void PlanDelete_GatewayApiGatewayOfARoute_WarnsOnTheRoute()
    {
        var loaded = OrleansMesh.Configuration.MeshConfigLoader.Load(
            "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: gw}\nspec: {gatewayClassName: istio, listeners: [{name: http, port: 80, protocol: HTTP}]}\n---\n"
            + "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r}\nspec: {parentRefs: [{name: gw}], rules: [{backendRefs: [{name: a, port: 80}]}]}",
            "test.yaml");
        var stored = Store([.. loaded.Resources.Select((r, i) => Stored(r.Resource, i + 1))]);

        var plan = ConfigPlanner.PlanDelete(stored, [Id(ResourceKind.KubernetesGateway, "gw")], lastRevision: 2);

        var warning = Assert.Single(plan.Diagnostics);
        Assert.Equal((DiagnosticSeverity.Warning, "httproute/default/r", "spec.parentRefs[0].name"), (warning.Severity, warning.Resource, warning.Path));
    }

    private static IReadOnlyDictionary<ResourceId, StoredResource> Empty => new Dictionary<ResourceId, StoredResource>();

    private static Dictionary<ResourceId, StoredResource> Store(params StoredResource[] resources) =>
        resources.ToDictionary(r => r.Resource.Id);

    private static ResourceId Id(ResourceKind kind, string name) => new(kind, "default", name);
}
