using System.Globalization;
using System.Numerics;

namespace OrleansMesh.Configuration;

/// <summary>An integer of type <typeparamref name="T"/>; a value outside the type's range is an error, not wrapped.</summary>
internal sealed class IntegerCodec<T> : ScalarCodec<T>
    where T : struct, IBinaryInteger<T>, IMinMaxValue<T>
{
    public static readonly IntegerCodec<T> Instance = new();

    private IntegerCodec()
        : base("an integer")
    {
    }

    public override YamlTreeNode Write(T value) => YamlText.Plain(value.ToString(null, CultureInfo.InvariantCulture));

    protected override bool TryParse(YamlTreeScalar scalar, string path, ReadContext context, out T value)
    {
        var text = scalar.Value.Trim();
        if (T.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        if (BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            context.Error(path, scalar.Start, $"{text} is out of range ({T.MinValue}..{T.MaxValue})");
        }
        else
        {
            context.TypeError(path, scalar, Expected);
        }

        return false;
    }
}
