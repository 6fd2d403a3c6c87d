using OrleansMesh.Networking;

namespace OrleansMesh.Abstractions.Tests.Configuration;

public sealed class MirrorValidationTests
{
    [Fact]
    public void Load_MirrorWithoutPercentage_LeavesItUnset()
    {
        var service = (VirtualService)LoadAssert.Clean(Yaml.Http("- route:\n  - destination:\n      host: reviews\n  mirror:\n    host: reviews-next")).Resources[0].Resource;

        Assert.Equal(new Destination { Host = "reviews-next" }, service.Spec.Http[0].Mirror);
        Assert.Null(service.Spec.Http[0].MirrorPercentage);
    }

    [Fact]
    public void Load_MirrorsList_ReadsEachPercentage()
    {
        var yaml = Yaml.Http("- route:\n  - destination:\n      host: reviews\n  mirrors:\n  - destination:\n      host: a\n    percentage:\n      value: 25\n  - destination:\n      host: b");

        var route = ((VirtualService)LoadAssert.Clean(yaml).Resources[0].Resource).Spec.Http[0];

        Assert.Equal(25, route.Mirrors[0].Percentage!.Value);
        Assert.Null(route.Mirrors[1].Percentage);
    }

    [Fact]
    public void Load_MirrorAndMirrors_IsAnErrorAsInIstio()
    {
        var yaml = Yaml.Http("- route:\n  - destination:\n      host: reviews\n  mirror:\n    host: a\n  mirrors:\n  - destination:\n      host: b");

        var diagnostic = LoadAssert.SingleError(yaml);

        LoadAssert.Is(diagnostic, "mirror and mirrors cannot both be set", "spec.http[0].mirrors", 14);
    }

    [Fact]
    public void Load_MirrorPercentageAbove100_IsAnError()
    {
        var yaml = Yaml.Http("- route:\n  - destination:\n      host: reviews\n  mirror:\n    host: a\n  mirrorPercentage:\n    value: 101");

        var diagnostic = LoadAssert.SingleError(yaml);

        Assert.Equal("spec.http[0].mirrorPercentage.value", diagnostic.Path);
    }
}
