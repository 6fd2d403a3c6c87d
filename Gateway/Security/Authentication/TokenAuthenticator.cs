using OrleansMesh.Gateway.Security.Jwt;

namespace OrleansMesh.Gateway.Security.Authentication;

/// <summary>
/// Checks a request's tokens against the jwtRules of one workload, as Envoy's jwt_authn with Istio's
/// "requires any, allow missing": no token passes (authorization decides), any token that fails is a 401.
/// On success it sets the principal, writes the rules' outputs and strips tokens not to be forwarded.
/// </summary>
internal sealed class TokenAuthenticator(JwtValidator validator)
{
    /// <summary>Null when the request may go on; else why its token was refused.</summary>
    public async ValueTask<JwtFailure?> AuthenticateAsync(HttpContext context, MeshAuthenticationFeature feature, IReadOnlyList<JwtProvider> providers)
    {
        if (providers.Count == 0)
        {
            return null;
        }

        var request = context.Request;
        foreach (var provider in providers)
        {
            // Outputs are the gateway's word about a verified token: a client never gets to set them itself.
            RemoveOutputs(request, provider);
        }

        foreach (var found in feature.Tokens)
        {
            var candidates = providers.Where(p => p.Locations.Contains(found.Location)).ToArray();
            if (candidates.Length == 0)
            {
                continue;
            }

            var result = await validator.ValidateAsync(found.Token, candidates, context.RequestAborted).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                return result.Failure;
            }

            feature.Authentication ??= result.Authentication;
            WriteOutputs(request, result);
            if (!result.Provider!.Rule.ForwardOriginalToken)
            {
                TokenFinder.Strip(request, found);
            }
        }

        return null;
    }

    private static void RemoveOutputs(HttpRequest request, JwtProvider provider)
    {
        if (provider.Rule.OutputPayloadToHeader.Length > 0)
        {
            request.Headers.Remove(provider.Rule.OutputPayloadToHeader);
        }

        foreach (var output in provider.Rule.OutputClaimToHeaders)
        {
            request.Headers.Remove(output.Header);
        }
    }

    private static void WriteOutputs(HttpRequest request, JwtValidationResult result)
    {
        var rule = result.Provider!.Rule;
        if (rule.OutputPayloadToHeader.Length > 0)
        {
            request.Headers[rule.OutputPayloadToHeader] = result.EncodedPayload;
        }

        foreach (var output in rule.OutputClaimToHeaders)
        {
            var values = result.Authentication!.Claim(output.Claim.Split('.'));
            if (values.Count > 0)
            {
                request.Headers[output.Header] = string.Join(",", values);
            }
        }
    }
}
