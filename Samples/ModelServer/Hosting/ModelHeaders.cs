namespace OrleansMesh.Samples.ModelServer.Hosting;

/// <summary>Response headers that let mesh tests see which replica answered.</summary>
internal static class ModelHeaders
{
    public const string Name = "x-model-name";
    public const string Version = "x-model-version";
    public const string ServedBy = "x-served-by";
}
