namespace OrleansMesh.Configuration;

/// <summary>One key and value of a <see cref="YamlTreeMapping"/>.</summary>
internal readonly record struct YamlTreeEntry(YamlTreeScalar Key, YamlTreeNode Value);
