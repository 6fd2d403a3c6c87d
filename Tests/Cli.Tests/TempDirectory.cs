namespace OrleansMesh.Cli.Tests;

/// <summary>A fresh directory under the temp folder, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("meshctl-tests-").FullName;

    /// <summary>Writes a file (creating its folders) and returns its full path.</summary>
    public string Write(string relativePath, string text)
    {
        var path = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Copies a file into the directory under the given name and returns the copy's path.</summary>
    public string Copy(string source, string relativePath) => Write(relativePath, File.ReadAllText(source));

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
