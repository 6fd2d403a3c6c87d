namespace OrleansMesh.Configuration;

/// <summary>A string; plain numbers and booleans are taken as their text, as Kubernetes' YAML-to-JSON does not.</summary>
internal sealed class StringCodec : ScalarCodec<string>
{
    public static readonly StringCodec Instance = new();

    private StringCodec()
        : base("a string")
    {
    }

    public override YamlTreeNode Write(string value) => YamlText.String(value);

    protected override bool TryParse(YamlTreeScalar scalar, string path, ReadContext context, out string value)
    {
        value = scalar.Value;
        return true;
    }
}
