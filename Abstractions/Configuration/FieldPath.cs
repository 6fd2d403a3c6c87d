using System.Text.RegularExpressions;

namespace OrleansMesh.Configuration;

/// <summary>Builds and shortens field paths like <c>spec.http[0].match[1].headers.end-user</c>.</summary>
internal static partial class FieldPath
{
    public static string Field(string path, string name)
    {
        if (SimpleKey().IsMatch(name))
        {
            return path.Length == 0 ? name : path + "." + name;
        }

        // Keys such as label names (app.kubernetes.io/name) would make the path ambiguous unquoted.
        return path + "[\"" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"]";
    }

    public static string Index(string path, int index) => $"{path}[{index}]";

    /// <summary>The path without its last segment; empty for a top-level field.</summary>
    public static string Parent(string path)
    {
        if (path.EndsWith("\"]", StringComparison.Ordinal))
        {
            var quoted = path.LastIndexOf("[\"", StringComparison.Ordinal);
            return quoted < 0 ? "" : path[..quoted];
        }

        var cut = path.EndsWith(']') ? path.LastIndexOf('[') : Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "" : path[..cut];
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex SimpleKey();
}
