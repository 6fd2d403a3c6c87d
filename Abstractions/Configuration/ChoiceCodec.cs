namespace OrleansMesh.Configuration;

/// <summary>A string that must be one of a fixed set (Istio enums the model keeps as text).</summary>
internal sealed class ChoiceCodec(params string[] allowed) : ScalarCodec<string>("one of " + string.Join(", ", allowed))
{
    public override YamlTreeNode Write(string value) => YamlText.String(value);

    protected override bool TryParse(YamlTreeScalar scalar, string path, ReadContext context, out string value)
    {
        value = scalar.Value;
        if (allowed.Contains(value, StringComparer.Ordinal))
        {
            return true;
        }

        context.Error(path, scalar.Start, $"invalid value {scalar.Describe()}; expected one of {string.Join(", ", allowed)}");
        return false;
    }
}
