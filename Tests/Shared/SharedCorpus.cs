namespace OrleansMesh.Tests.Shared;

/// <summary>
/// Finds the shared conformance corpus (Istio's Bookinfo YAML, sample JWTs): <c>$ORLEANSMESH_SHARED</c> if set,
/// else the <c>shared/</c> folder beside the repository, as developers and CI have it.
/// </summary>
internal static class SharedCorpus
{
    public static string Root { get; } = FindRoot();

    public static string BookinfoDirectory => Path.Combine(Root, "conformance", "istio", "bookinfo");

    public static string Bookinfo(string file) => Path.Combine(BookinfoDirectory, file);

    private static string FindRoot()
    {
        if (Environment.GetEnvironmentVariable("ORLEANSMESH_SHARED") is { Length: > 0 } configured)
        {
            return configured;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OrleansMesh.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
            }
        }

        throw new DirectoryNotFoundException("OrleansMesh.sln not found above the test binaries; set ORLEANSMESH_SHARED to the shared/ folder.");
    }
}
