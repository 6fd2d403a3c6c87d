using OrleansMesh.Security.Identity;

namespace OrleansMesh.Grains.Tests.Identity;

public sealed class OpenCaTests(OpenCaClusterFixture fixture) : IClassFixture<OpenCaClusterFixture>
{
    private readonly ICertificateAuthorityGrain ca = fixture.Client.GetGrain<ICertificateAuthorityGrain>(ICertificateAuthorityGrain.DefaultKey);

    [Fact]
    public async Task SignAsync_CredentialNotRequiredAndNoneSent_Signed()
    {
        var signed = await ca.SignAsync(TestCsrs.Valid());

        Assert.Contains(await ca.ListIssuedAsync(), c => c.SerialNumber == signed.SerialNumber);
    }

    [Fact]
    public async Task SignAsync_CredentialNotRequiredButCsrForAnotherIdentity_StillRefused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => ca.SignAsync(TestCsrs.WithSans("spiffe://cluster.local/ns/default/sa/admin")));
    }
}
