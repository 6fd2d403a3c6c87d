using OrleansMesh.Cli.Output;

namespace OrleansMesh.Cli.Tests.Output;

public sealed class TableWriterTests
{
    [Fact]
    public void Write_Rows_AlignsColumnsThreeSpacesApartWithoutTrailingSpaces()
    {
        using var output = new StringWriter();

        TableWriter.Write(output, ["NAME", "HOST"], [["reviews", "reviews.default.svc"], ["a", "b"]]);

        Assert.Equal(
            """
            NAME      HOST
            reviews   reviews.default.svc
            a         b

            """,
            output.ToString());
    }
}
