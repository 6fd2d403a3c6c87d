namespace OrleansMesh.ControlPlane;

/// <summary>Where a resource was read from.</summary>
[GenerateSerializer, Immutable, Alias("om.ResourceOrigin")]
public sealed record ResourceOrigin
{
    /// <summary>The file name, or <c>-</c> for standard input.</summary>
    [Id(0)] public string File { get; init; } = "";

    /// <summary>The YAML document within the file, counted from 1.</summary>
    [Id(1)] public int Document { get; init; }

    /// <summary>The line the document starts on, counted from 1.</summary>
    [Id(2)] public int Line { get; init; }
}
