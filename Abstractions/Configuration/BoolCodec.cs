namespace OrleansMesh.Configuration;

internal sealed class BoolCodec : ScalarCodec<bool>
{
    public static readonly BoolCodec Instance = new();

    private BoolCodec()
        : base("true or false")
    {
    }

    public override YamlTreeNode Write(bool value) => YamlText.Plain(value ? "true" : "false");

    protected override bool TryParse(YamlTreeScalar scalar, string path, ReadContext context, out bool value)
    {
        value = false;
        switch (scalar.Value)
        {
            case "true" or "True" or "TRUE":
                value = true;
                return true;
            case "false" or "False" or "FALSE":
                return true;
            default:
                context.TypeError(path, scalar, Expected);
                return false;
        }
    }
}
