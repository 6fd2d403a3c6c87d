namespace OrleansMesh.Configuration;

/// <summary>One document of a YAML stream: its root, or the error that kept it from being read.</summary>
/// <param name="Number">The document's number in the stream, from 1.</param>
/// <param name="Start">Where its content starts.</param>
/// <param name="Root">The root node; null when the document is empty or could not be read.</param>
/// <param name="Error">Why the document could not be read, if so.</param>
/// <param name="ErrorAt">Where that error is.</param>
internal sealed record YamlTreeDocument(int Number, YamlMark Start, YamlTreeNode? Root, string? Error, YamlMark ErrorAt);
