using YamlDotNet.Core;

namespace OrleansMesh.Configuration;

internal sealed class YamlTreeScalar(YamlMark start, string value, ScalarStyle style) : YamlTreeNode(start)
{
    public string Value { get; } = value;

    /// <summary>True for a plain (unquoted) scalar, whose text may be a number, a boolean or null.</summary>
    public bool IsPlain { get; } = style is ScalarStyle.Plain or ScalarStyle.Any;

    /// <summary>An empty plain value, <c>~</c> or <c>null</c>: the field is unset.</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string Describe()
    {
        if (IsNull)
        {
            return "null";
        }

        var text = Value.Length > 40 ? Value[..40] + "..." : Value;
        return $"'{text}'";
    }
}
