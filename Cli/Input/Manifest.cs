namespace OrleansMesh.Cli.Input;

/// <summary>One YAML text to load, with the name diagnostics give it (the path as typed, or <c>-</c>).</summary>
internal sealed record Manifest(string Name, string Text);
