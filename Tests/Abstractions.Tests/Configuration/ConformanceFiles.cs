namespace OrleansMesh.Abstractions.Tests.Configuration;

/// <summary>The Bookinfo files of the shared corpus, as theory data and text.</summary>
internal static class ConformanceFiles
{
    public static string BookinfoDirectory
    {
        get
        {
            var bookinfo = SharedCorpus.BookinfoDirectory;
            Assert.True(Directory.Exists(bookinfo), "conformance corpus not found at " + bookinfo);
            return bookinfo;
        }
    }

    public static TheoryData<string> Bookinfo()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(BookinfoDirectory, "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    public static string Read(string name) => File.ReadAllText(Path.Combine(BookinfoDirectory, name));
}
