namespace OrleansMesh.Configuration;

/// <summary>An Istio duration such as <c>7s</c>, <c>500ms</c> or <c>1h30m</c>.</summary>
internal sealed class DurationCodec : ScalarCodec<TimeSpan>
{
    public static readonly DurationCodec Instance = new();

    private DurationCodec()
        : base("a duration")
    {
    }

    public override YamlTreeNode Write(TimeSpan value) => YamlText.Plain(IstioDuration.Format(value));

    protected override bool TryParse(YamlTreeScalar scalar, string path, ReadContext context, out TimeSpan value)
    {
        if (IstioDuration.TryParse(scalar.Value, out value))
        {
            return true;
        }

        context.Error(path, scalar.Start, $"invalid duration {scalar.Describe()}: expected a non-negative number with a unit (h, m, s, ms, us or ns), e.g. 7s, 500ms, 1.5s or 1h30m");
        return false;
    }
}
