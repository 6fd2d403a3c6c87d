namespace OrleansMesh.Configuration;

/// <summary>An enum spelled as in Istio's protos (e.g. <c>ISTIO_MUTUAL</c>); other spellings list the allowed ones.</summary>
internal sealed class EnumCodec<TEnum>(params (string Name, TEnum Value)[] values) : ScalarCodec<TEnum>("one of " + string.Join(", ", values.Select(v => v.Name)))
    where TEnum : struct, Enum
{
    public override YamlTreeNode Write(TEnum value) =>
        YamlText.String(values.First(v => EqualityComparer<TEnum>.Default.Equals(v.Value, value)).Name);

    protected override bool TryParse(YamlTreeScalar scalar, string path, ReadContext context, out TEnum value)
    {
        foreach (var (name, candidate) in values)
        {
            if (name == scalar.Value)
            {
                value = candidate;
                return true;
            }
        }

        context.Error(path, scalar.Start, $"invalid value {scalar.Describe()}; expected one of {string.Join(", ", values.Select(v => v.Name))}");
        value = default;
        return false;
    }
}
