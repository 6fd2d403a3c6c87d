namespace OrleansMesh.Fuzz.Targets;

/// <summary>
/// One parser under fuzzing: runs one input and throws <see cref="FuzzPropertyException"/> when a property the parser
/// promises does not hold. Any other exception escaping is a finding too (the parsers promise never to throw).
/// </summary>
internal interface IFuzzTarget
{
    /// <summary>The name <c>eng/fuzz.sh</c> takes and the corpus folder's name.</summary>
    string Name { get; }

    void Run(ReadOnlySpan<byte> input);
}
