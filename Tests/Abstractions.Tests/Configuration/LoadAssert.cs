using OrleansMesh.Configuration;
using OrleansMesh.ControlPlane;

namespace OrleansMesh.Abstractions.Tests.Configuration;

internal static class LoadAssert
{
    public const string File = "test.yaml";

    /// <summary>Loads and asserts there is no diagnostic at all.</summary>
    public static ConfigLoadResult Clean(string yaml)
    {
        var result = MeshConfigLoader.Load(yaml, File);
        Assert.True(result.Diagnostics.IsEmpty, string.Join("\n", result.Diagnostics));
        return result;
    }

    /// <summary>Loads and returns the only diagnostic, which must be an error.</summary>
    public static ConfigDiagnostic SingleError(string yaml) => Single(yaml, DiagnosticSeverity.Error);

    public static ConfigDiagnostic Single(string yaml, DiagnosticSeverity severity)
    {
        var result = MeshConfigLoader.Load(yaml, File);
        Assert.True(result.Diagnostics.Length == 1, "expected one diagnostic, got:\n" + string.Join("\n", result.Diagnostics));
        var diagnostic = result.Diagnostics[0];
        Assert.Equal(severity, diagnostic.Severity);
        Assert.Equal(File, diagnostic.File);
        return diagnostic;
    }

    public static void Is(ConfigDiagnostic diagnostic, string message, string path, int line, int document = 1)
    {
        Assert.Equal(message, diagnostic.Message);
        Assert.Equal(path, diagnostic.Path);
        Assert.Equal(line, diagnostic.Line);
        Assert.Equal(document, diagnostic.Document);
    }
}
