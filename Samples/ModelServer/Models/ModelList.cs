namespace OrleansMesh.Samples.ModelServer.Models;

internal sealed record ModelList(IReadOnlyList<ModelCard> Data)
{
    public string Object => "list";
}
