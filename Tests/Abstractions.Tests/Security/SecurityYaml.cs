namespace OrleansMesh.Abstractions.Tests.Security;

/// <summary>security.istio.io test documents with predictable line numbers.</summary>
internal static class SecurityYaml
{
    /// <summary>A resource named <c>policy</c> in namespace default; <paramref name="specBody"/> starts on line 6.</summary>
    public static string Spec(string kind, string specBody, string apiVersion = "security.istio.io/v1") =>
        $"apiVersion: {apiVersion}\nkind: {kind}\nmetadata:\n  name: policy\nspec:\n{Indent(specBody)}";

    private static string Indent(string text) =>
        string.Concat(text.ReplaceLineEndings("\n").Split('\n').Select(line => line.Length == 0 ? "\n" : "  " + line + "\n"));
}
