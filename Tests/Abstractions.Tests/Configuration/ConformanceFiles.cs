namespace OrleansMesh.Abstractions.Tests.Configuration;

/// <summary>Finds the shared conformance corpus: $ORLEANSMESH_SHARED, else ../shared beside the repository.</summary>
internal static class ConformanceFiles
{
    public static string BookinfoDirectory
    {
        get
        {
            var shared = Environment.GetEnvironmentVariable("ORLEANSMESH_SHARED");
            if (string.IsNullOrEmpty(shared))
            {
                var directory = new DirectoryInfo(AppContext.BaseDirectory);
                while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "OrleansMesh.sln")))
                {
                    directory = directory.Parent;
                }

                Assert.True(directory is not null, "OrleansMesh.sln not found above " + AppContext.BaseDirectory);
                shared = Path.Combine(directory.FullName, "..", "shared");
            }

            var bookinfo = Path.GetFullPath(Path.Combine(shared, "conformance", "istio", "bookinfo"));
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
