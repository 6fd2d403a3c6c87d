namespace OrleansMesh.Configuration;

/// <summary>A position in the YAML text, line and column counted from 1.</summary>
internal readonly record struct YamlMark(int Line, int Column);
