using OrleansMesh.Networking;

namespace OrleansMesh.Abstractions.Tests.Networking;

public sealed class WorkloadSelectorTests
{
    private static readonly Dictionary<string, string> Workload = new() { ["app"] = "model", ["version"] = "v2" };

    [Fact]
    public void Matches_EverySelectorLabelCarried_True()
    {
        Assert.True(WorkloadSelector.Matches(new Dictionary<string, string> { ["app"] = "model" }, Workload));
    }

    [Fact]
    public void Matches_EmptySelector_True()
    {
        Assert.True(WorkloadSelector.Matches(new Dictionary<string, string>(), Workload));
    }

    [Theory]
    [InlineData("app", "Model")]
    [InlineData("tier", "model")]
    public void Matches_LabelMissingOrOtherValue_False(string key, string value)
    {
        Assert.False(WorkloadSelector.Matches(new Dictionary<string, string> { ["app"] = "model", [key] = value }, Workload));
    }
}
