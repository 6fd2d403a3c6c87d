namespace OrleansMesh.Samples.ModelServer.Models;

/// <summary>OpenAI's <c>model</c> object.</summary>
internal sealed record ModelCard(string Id, long Created, string OwnedBy)
{
    public const string Owner = "orleansmesh";

    public string Object => "model";
}
