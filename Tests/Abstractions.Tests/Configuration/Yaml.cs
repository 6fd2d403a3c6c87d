namespace OrleansMesh.Abstractions.Tests.Configuration;

/// <summary>Builds test documents with predictable line numbers.</summary>
internal static class Yaml
{
    /// <summary>A resource named <c>reviews</c> in namespace default; <paramref name="specBody"/> starts on line 6.</summary>
    public static string Spec(string kind, string specBody) =>
        $"apiVersion: networking.istio.io/v1\nkind: {kind}\nmetadata:\n  name: reviews\nspec:\n{Indent(specBody)}";

    /// <summary>A VirtualService for host <c>reviews</c>; <paramref name="routes"/> (the http list) starts on line 9.</summary>
    public static string Http(string routes) => Spec("VirtualService", "hosts:\n- reviews\nhttp:\n" + routes);

    /// <summary>A DestinationRule for host <c>reviews</c>; <paramref name="body"/> starts on line 7.</summary>
    public static string Rule(string body) => Spec("DestinationRule", "host: reviews\n" + body);

    private static string Indent(string text) =>
        string.Concat(text.ReplaceLineEndings("\n").Split('\n').Select(line => line.Length == 0 ? "\n" : "  " + line + "\n"));
}
