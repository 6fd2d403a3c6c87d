namespace OrleansMesh.Networking;

/// <summary>The comparison of a <see cref="StringMatch"/>.</summary>
public enum StringMatchKind
{
    /// <summary>The whole value equals the literal.</summary>
    Exact,

    /// <summary>The value starts with the literal.</summary>
    Prefix,

    /// <summary>The whole value matches the regular expression (RE2 semantics: anchored at both ends).</summary>
    Regex,

    /// <summary>
    /// The value is present, whatever it is: Istio's empty <c>StringMatch</c> (<c>{}</c>) in <c>headers</c>,
    /// <c>withoutHeaders</c> and <c>queryParams</c>, which Istio turns into Envoy's <c>present_match</c>.
    /// </summary>
    Present,

    /// <summary>
    /// The path starts with the literal followed by <c>/</c> or the end: the Gateway API's <c>PathPrefix</c>, matched
    /// by whole segments as Envoy's <c>path_separated_prefix</c> (<c>/foo</c> takes <c>/foo</c> and <c>/foo/bar</c>,
    /// not <c>/foobar</c>). Only HTTPRoute translation makes it; VirtualService YAML has no spelling for it.
    /// </summary>
    SegmentPrefix,
}
