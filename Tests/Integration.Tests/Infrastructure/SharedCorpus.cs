namespace OrleansMesh.Integration.Tests.Infrastructure;

/// <summary>Finds the shared conformance corpus: $ORLEANSMESH_SHARED, else ../shared beside the repository.</summary>
internal static class SharedCorpus
{
    public static string Bookinfo(string file) => Path.Combine(Root, "conformance", "istio", "bookinfo", file);

    public static string Root
    {
        get
        {
            if (Environment.GetEnvironmentVariable("ORLEANSMESH_SHARED") is { Length: > 0 } configured)
            {
                return configured;
            }

            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "OrleansMesh.sln")))
                {
                    return Path.Combine(dir.FullName, "..", "shared");
                }
            }

            throw new DirectoryNotFoundException("OrleansMesh.sln not found above the test binaries; set ORLEANSMESH_SHARED.");
        }
    }
}
