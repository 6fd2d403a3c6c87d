using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace OrleansMesh.Configuration;

/// <summary>How the writer spells scalars so that the loader reads back the same type.</summary>
internal static partial class YamlText
{
    public static YamlTreeScalar Plain(string text) => new(default, text, ScalarStyle.Plain);

    /// <summary>A string scalar: plain when that cannot be mistaken for a number, boolean or null, else quoted.</summary>
    public static YamlTreeScalar String(string text)
    {
        var plain = SafePlain().IsMatch(text) && !Reserved().IsMatch(text);
        return new YamlTreeScalar(default, text, plain ? ScalarStyle.Plain : ScalarStyle.DoubleQuoted);
    }

    [GeneratedRegex("^[A-Za-z_/][A-Za-z0-9_./@-]*$")]
    private static partial Regex SafePlain();

    [GeneratedRegex("^(?:y|n|yes|no|on|off|true|false|null)$", RegexOptions.IgnoreCase)]
    private static partial Regex Reserved();
}
