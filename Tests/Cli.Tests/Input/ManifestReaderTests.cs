using OrleansMesh.Cli.Input;

namespace OrleansMesh.Cli.Tests.Input;

public sealed class ManifestReaderTests
{
    [Fact]
    public async Task ReadAsync_Directory_ReadsYamlAndYmlFilesSortedSkippingOthers()
    {
        using var temp = new TempDirectory();
        temp.Write("b.yml", "b");
        temp.Write("a.yaml", "a");
        temp.Write("c.txt", "c");
        temp.Write(Path.Combine("sub", "d.yaml"), "d");

        var manifests = await ManifestReader.ReadAsync([temp.Path], recursive: false, new StringReader(""), CancellationToken.None);

        Assert.Equal([Path.Combine(temp.Path, "a.yaml"), Path.Combine(temp.Path, "b.yml")], manifests.Select(m => m.Name));
        Assert.Equal(["a", "b"], manifests.Select(m => m.Text));
    }

    [Fact]
    public async Task ReadAsync_DirectoryRecursive_ReadsSubdirectories()
    {
        using var temp = new TempDirectory();
        temp.Write("a.yaml", "a");
        temp.Write(Path.Combine("sub", "d.yaml"), "d");

        var manifests = await ManifestReader.ReadAsync([temp.Path], recursive: true, new StringReader(""), CancellationToken.None);

        Assert.Equal(["a", "d"], manifests.Select(m => m.Text));
    }

    [Fact]
    public async Task ReadAsync_DashTwice_ReadsStandardInputOnce()
    {
        var manifests = await ManifestReader.ReadAsync(["-", "-"], recursive: false, new StringReader("text"), CancellationToken.None);

        Assert.Equal(new Manifest("-", "text"), Assert.Single(manifests));
    }

    [Fact]
    public async Task ReadAsync_MissingPath_ThrowsWithExitCodeOne()
    {
        var error = await Assert.ThrowsAsync<MeshCtlException>(
            () => ManifestReader.ReadAsync(["/nonexistent/x.yaml"], recursive: false, new StringReader(""), CancellationToken.None));

        Assert.Equal(1, error.ExitCode);
        Assert.Equal("the path \"/nonexistent/x.yaml\" does not exist", error.Message);
    }
}
