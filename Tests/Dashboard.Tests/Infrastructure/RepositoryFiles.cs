namespace OrleansMesh.Dashboard.Tests.Infrastructure;

/// <summary>Files of the repository the tests read (the demo config) and the build outputs they run.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    /// <summary>The build configuration these tests were built in; the processes they start match it.</summary>
    public static string Configuration { get; } = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;

    public static string Read(params string[] parts) => File.ReadAllText(Path.Combine([Root, .. parts]));

    /// <summary>The built dll of a host project, e.g. <c>("Silo", "OrleansMesh.Silo")</c>.</summary>
    public static string Output(string projectDirectory, string assemblyName)
    {
        var dll = Path.Combine(Root, projectDirectory, "bin", Configuration, "net10.0", assemblyName + ".dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"{dll} is not built; build {projectDirectory} in {Configuration} first", dll);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OrleansMesh.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("OrleansMesh.sln not found above the test binaries");
    }
}
