using OrleansMesh.Configuration;
using OrleansMesh.ControlPlane;

namespace OrleansMesh.Abstractions.Tests.Configuration;

public sealed class ConfigLoadResultTests
{
    private static readonly ConfigLoadResult s_result = MeshConfigLoader.Load(
        "# leading comment\n---\n" + ConformanceFiles.Read("virtual-service-reviews-90-10.yaml"), "reviews.yaml");

    private static ConfigDiagnostic About(string path, string resource = "virtualservice/default/reviews") =>
        new() { Severity = DiagnosticSeverity.Error, Message = "m", Path = path, Resource = resource };

    [Fact]
    public void Locate_ExistingPath_GivesItsLineAndColumn()
    {
        var located = s_result.Locate(About("spec.http[0].route[1].weight"));

        Assert.Equal(("reviews.yaml", 1, 19, 7), (located.File, located.Document, located.Line, located.Column));
    }

    [Fact]
    public void Locate_PathWithoutPosition_FallsBackToNearestParent()
    {
        var located = s_result.Locate(About("spec.http[0].route[1].destination.port.number"));

        Assert.Equal((16, 7), (located.Line, located.Column));
    }

    [Fact]
    public void Locate_EmptyPath_GivesDocumentStart()
    {
        var located = s_result.Locate(About(""));

        Assert.Equal((3, 1), (located.Line, located.Column));
    }

    [Fact]
    public void Locate_OtherResource_IsUnchanged()
    {
        var diagnostic = About("spec.host", "destinationrule/default/reviews");

        Assert.Same(diagnostic, s_result.Locate(diagnostic));
    }
}
