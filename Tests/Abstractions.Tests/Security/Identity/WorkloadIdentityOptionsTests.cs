using OrleansMesh.Security.Identity;

namespace OrleansMesh.Abstractions.Tests.Security.Identity;

public sealed class WorkloadIdentityOptionsTests
{
    [Fact]
    public void Validate_Defaults_NoFailures()
    {
        Assert.Empty(new WorkloadIdentityOptions().Validate());
    }

    [Fact]
    public void Validate_ServiceAccountWithSlash_NamesTheSetting()
    {
        var failure = Assert.Single(new WorkloadIdentityOptions { ServiceAccount = "a/b" }.Validate());

        Assert.StartsWith("Namespace 'default' and ServiceAccount 'a/b' must be non-empty", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ZeroTtlAndPoll_BothReported()
    {
        var failures = new WorkloadIdentityOptions { Ttl = TimeSpan.Zero, RevocationPollInterval = TimeSpan.Zero }.Validate();

        Assert.Equal(2, failures.Count);
    }
}
