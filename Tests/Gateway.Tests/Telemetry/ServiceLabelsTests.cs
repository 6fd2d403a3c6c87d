using OrleansMesh.Gateway.Telemetry;

namespace OrleansMesh.Gateway.Tests.Telemetry;

public sealed class ServiceLabelsTests
{
    [Theory]
    [InlineData("reviews.bookinfo.svc.cluster.local", "reviews", "bookinfo")]
    [InlineData("reviews.bookinfo", "reviews", "bookinfo")]
    [InlineData("reviews", "reviews", "unknown")]
    [InlineData("api.openai.com", "api.openai.com", "unknown")]
    public void Split_Host_GivesIstiosServiceNameAndNamespace(string host, string name, string @namespace)
    {
        Assert.Equal((name, @namespace), ServiceLabels.Split(host));
    }

    [Theory]
    [InlineData(200, "200")]
    [InlineData(503, "503")]
    [InlineData(0, "0")]
    [InlineData(999, "unknown")]
    public void StatusCodeLabels_Of_IsTheCodeAsText(int code, string label)
    {
        Assert.Equal(label, StatusCodeLabels.Of(code));
    }
}
