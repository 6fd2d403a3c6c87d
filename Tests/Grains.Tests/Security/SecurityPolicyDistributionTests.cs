using OrleansMesh.ControlPlane;
using OrleansMesh.Grains.Tests.Cluster;
using OrleansMesh.Networking;
using OrleansMesh.Security;
using static OrleansMesh.Grains.Tests.TestResources;

namespace OrleansMesh.Grains.Tests.Security;

[Collection(MeshClusterCollection.Name)]
public sealed class SecurityPolicyDistributionTests(MeshClusterFixture fixture)
{
    private readonly IMeshConfigGrain grain = fixture.Client.GetGrain<IMeshConfigGrain>($"test-{Guid.NewGuid():N}");

    private static AuthorizationPolicy Deny(string name) => new()
    {
        Metadata = new ResourceMetadata { Name = name, Namespace = "foo" },
        Spec = new AuthorizationPolicySpec
        {
            Action = AuthorizationAction.Deny,
            Rules = [new AuthorizationRule { To = [new RequestOperation { Paths = ["/admin/*"] }] }],
        },
    };

    private static RequestAuthentication Jwt(string name) => new()
    {
        Metadata = new ResourceMetadata { Name = name },
        Spec = new RequestAuthenticationSpec { JwtRules = [new JwtRule { Issuer = "iss", JwksUri = "https://issuer.test/jwks" }] },
    };

    private static PeerAuthentication Strict(string name) => new()
    {
        Metadata = new ResourceMetadata { Name = name },
        Spec = new PeerAuthenticationSpec { Mtls = new PeerMutualTls { Mode = MutualTlsMode.Strict } },
    };

    [Fact]
    public async Task ApplyAsync_SecurityPolicies_StoredAndListed()
    {
        var result = await grain.ApplyAsync(Apply(Deny("deny-admin"), Jwt("jwt"), Strict("strict")));

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var listed = await grain.ListAsync(ResourceKind.AuthorizationPolicy);
        Assert.Equal("deny-admin", Assert.Single(listed).Metadata.Name);
        Assert.Single(await grain.ListAsync(ResourceKind.RequestAuthentication));
        Assert.Single(await grain.ListAsync(ResourceKind.PeerAuthentication));
    }

    [Fact]
    public async Task ApplyAsync_Subscribed_PushesPoliciesWhole()
    {
        await grain.ApplyAsync(Apply(Deny("first")));
        var observer = new RecordingObserver();
        await grain.SubscribeAsync(fixture.Client.CreateObjectReference<IMeshObserver>(observer));

        await grain.ApplyAsync(Apply(Jwt("jwt"), Strict("strict")));
        var update = await observer.NextAsync();

        Assert.Equal(2, update.Generation);
        Assert.Empty(update.Changed);
        Assert.Equal("first", Assert.Single(update.AuthorizationPolicies).Metadata.Name);
        Assert.Equal("iss", Assert.Single(Assert.Single(update.RequestAuthentications).Spec.JwtRules).Issuer);
        Assert.Equal(MutualTlsMode.Strict, Assert.Single(update.PeerAuthentications).Spec.Mtls!.Mode);
    }

    [Fact]
    public async Task DeleteAsync_Subscribed_PushesPolicyGone()
    {
        var policy = Deny("deny-admin");
        await grain.ApplyAsync(Apply(policy));
        var observer = new RecordingObserver();
        await grain.SubscribeAsync(fixture.Client.CreateObjectReference<IMeshObserver>(observer));

        await grain.DeleteAsync(new DeleteRequest { Resources = [policy.Id] });
        var update = await observer.NextAsync();

        Assert.Empty(update.AuthorizationPolicies);
    }

    [Fact]
    public async Task GetSnapshotAsync_AfterApply_HoldsPolicies()
    {
        await grain.ApplyAsync(Apply(Deny("b"), Deny("a"), Jwt("jwt")));

        var snapshot = await grain.GetSnapshotAsync();

        Assert.Equal(["a", "b"], snapshot.AuthorizationPolicies.Select(p => p.Metadata.Name).ToArray());
        Assert.Single(snapshot.RequestAuthentications);
        Assert.Equal("security.istio.io/v1", snapshot.AuthorizationPolicies[0].ApiVersion);
    }

    [Fact]
    public async Task ApplyAsync_CustomAction_RefusedWithPath()
    {
        var custom = Deny("custom") with { Spec = Deny("custom").Spec with { Action = AuthorizationAction.Custom, Provider = "ext" } };

        var result = await grain.ApplyAsync(Apply(custom));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Path == "spec.action" && d.Message.Contains("not supported", StringComparison.Ordinal));
    }
}
