namespace OrleansMesh.Gateway.Security.Authentication;

/// <summary>
/// The request's authentication, on <c>HttpContext.Features</c> once the gateway has checked its tokens; later code
/// (authorization, rate limiting by claim) reads the principal and claims from it.
/// </summary>
internal interface IMeshAuthenticationFeature
{
    /// <summary>The verified token, or null when the request carried none.</summary>
    MeshAuthentication? Authentication { get; }

    /// <summary>The tokens found, as sent, before any was stripped from the forwarded request.</summary>
    IReadOnlyList<FoundToken> Tokens { get; }
}
