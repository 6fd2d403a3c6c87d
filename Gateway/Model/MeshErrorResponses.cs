namespace OrleansMesh.Gateway.Model;

/// <summary>
/// Responses the mesh itself makes (written by <c>Pipeline/MeshAnswers</c>): a short JSON body naming the reason, and
/// Envoy's response flag in <c>x-mesh-response-flags</c> so clients and logs can tell them from upstream answers.
/// </summary>
internal static class MeshErrorResponses
{
    public const string FlagsHeader = "x-mesh-response-flags";
}
