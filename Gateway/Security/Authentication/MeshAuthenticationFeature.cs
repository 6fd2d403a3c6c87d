namespace OrleansMesh.Gateway.Security.Authentication;

internal sealed class MeshAuthenticationFeature(MeshAuthentication? authentication, IReadOnlyList<FoundToken> tokens) : IMeshAuthenticationFeature
{
    public MeshAuthentication? Authentication { get; set; } = authentication;

    public IReadOnlyList<FoundToken> Tokens { get; } = tokens;
}
