using OrleansMesh.Networking;

namespace OrleansMesh.Configuration;

/// <summary>Codecs shared by every kind: scalars, lists, maps, <c>Percent</c>, port selectors and metadata.</summary>
internal static class CommonSchema
{
    public static readonly StringCodec Str = StringCodec.Instance;
    public static readonly ListCodec<string> StrList = new(Str);
    public static readonly MapCodec<string> StrMap = new(Str);
    public static readonly IntegerCodec<int> Int = IntegerCodec<int>.Instance;
    public static readonly IntegerCodec<uint> UInt = IntegerCodec<uint>.Instance;
    public static readonly IntegerCodec<ulong> ULong = IntegerCodec<ulong>.Instance;
    public static readonly BoolCodec Bool = BoolCodec.Instance;
    public static readonly DurationCodec Duration = DurationCodec.Instance;
    public static readonly StringMatchCodec Matcher = StringMatchCodec.Instance;
    public static readonly MapCodec<StringMatch> MatcherMap = new(StringMatchCodec.Presence);
    public static readonly WrapperCodec<uint> PortSelector = new("PortSelector", "number", UInt);

    public static readonly ObjectCodec<Percent> PercentCodec = new ObjectCodec<Percent>("Percent")
        .Field("value", DoubleCodec.Instance, p => p.Value, (p, v) => p with { Value = v }, always: true);

    public static readonly ObjectCodec<ResourceMetadata> Metadata = new ObjectCodec<ResourceMetadata>("metadata")
        .Field("name", Str, m => m.Name, (m, v) => m with { Name = v }, always: true)
        .Field("namespace", Str, m => m.Namespace, (m, v) => m with { Namespace = v })
        .Field("labels", StrMap, m => m.Labels, (m, v) => m with { Labels = v })
        .Field("annotations", StrMap, m => m.Annotations, (m, v) => m with { Annotations = v })
        .Ignored(
            "creationTimestamp", "resourceVersion", "uid", "generation", "managedFields", "selfLink",
            "finalizers", "ownerReferences", "deletionTimestamp", "deletionGracePeriodSeconds", "generateName");
}
