namespace OrleansMesh.Cli.Tests;

/// <summary>Finds the project's shared/ folder: env ORLEANSMESH_SHARED, else beside the repository (the folder holding OrleansMesh.sln).</summary>
internal static class SharedFiles
{
    public static string Root { get; } = FindRoot();

    public static string Bookinfo(string file) => Path.Combine(Root, "conformance", "istio", "bookinfo", file);

    private static string FindRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("ORLEANSMESH_SHARED");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OrleansMesh.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
            }
        }

        throw new InvalidOperationException("OrleansMesh.sln not found above the test binaries; set ORLEANSMESH_SHARED to the shared/ folder.");
    }
}
