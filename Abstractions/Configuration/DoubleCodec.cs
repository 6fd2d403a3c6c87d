using System.Globalization;

namespace OrleansMesh.Configuration;

internal sealed class DoubleCodec : ScalarCodec<double>
{
    public static readonly DoubleCodec Instance = new();

    private DoubleCodec()
        : base("a number")
    {
    }

    public override YamlTreeNode Write(double value) => YamlText.Plain(value.ToString("R", CultureInfo.InvariantCulture));

    protected override bool TryParse(YamlTreeScalar scalar, string path, ReadContext context, out double value)
    {
        var text = scalar.Value.Trim();
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            context.TypeError(path, scalar, Expected);
            return false;
        }

        if (!double.IsFinite(value))
        {
            context.Error(path, scalar.Start, $"{text} is out of range");
            return false;
        }

        return true;
    }
}
