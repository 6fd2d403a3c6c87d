using System.Buffers.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OrleansMesh.Gateway.Security.Authentication;

namespace OrleansMesh.Gateway.Security.Jwt;

/// <summary>
/// Verifies a compact JWS against the jwtRules that read it from where it was found. Structure, algorithm,
/// issuer, lifetime (with <see cref="TimeProvider"/>), audience and key choice are checked here, strictly and
/// before any cryptography; the signature itself by Microsoft.IdentityModel.JsonWebTokens with only the chosen
/// keys and the token's own (allowed) algorithm. Keys come from the rule, never from the token's headers.
/// Never throws on bad input: every refusal is a <see cref="JwtFailure"/>.
/// </summary>
internal sealed class JwtValidator(MeshSecurityOptions options, TimeProvider time)
{
    private static readonly JsonDocumentOptions s_json = new() { MaxDepth = 32 };
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public async ValueTask<JwtValidationResult> ValidateAsync(string token, IReadOnlyList<JwtProvider> providers, CancellationToken cancellationToken)
    {
        if (token.Length > options.MaxTokenLength)
        {
            return JwtValidationResult.Fail("jwt_too_large", $"Jwt is larger than {options.MaxTokenLength} characters");
        }

        var parts = token.Split('.');
        if (parts.Length == 5)
        {
            return JwtValidationResult.Fail("jwt_malformed", "Jwt is encrypted (JWE), which is not supported");
        }

        if (parts.Length != 3 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            return JwtValidationResult.Fail("jwt_malformed", "Jwt is not in the form of Header.Payload.Signature");
        }

        if (parts[2].Length == 0)
        {
            return JwtValidationResult.Fail("jwt_missing_signature", "Jwt has no signature");
        }

        if (Decode(parts[0]) is not { } header || Decode(parts[1]) is not { } payload)
        {
            return JwtValidationResult.Fail("jwt_malformed", "Jwt header or payload is not base64url-encoded JSON");
        }

        using (header)
        using (payload)
        {
            return await ValidateAsync(token, header.RootElement, payload.RootElement, parts[1], providers, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask<JwtValidationResult> ValidateAsync(string token, JsonElement header, JsonElement payload, string encodedPayload, IReadOnlyList<JwtProvider> providers, CancellationToken cancellationToken)
    {
        var algorithm = String(header, "alg");
        if (!JwtAlgorithms.IsAllowed(algorithm))
        {
            return JwtValidationResult.Fail("jwt_algorithm", $"Jwt algorithm '{algorithm}' is not allowed; accepted: {string.Join(", ", JwtAlgorithms.Allowed)}");
        }

        if (header.TryGetProperty("crit", out _))
        {
            return JwtValidationResult.Fail("jwt_malformed", "Jwt header names critical extensions (crit), which are not supported");
        }

        var issuer = String(payload, "iss");
        var provider = providers.FirstOrDefault(p => string.Equals(p.Issuer, issuer, StringComparison.Ordinal));
        if (provider is null)
        {
            return JwtValidationResult.Fail("jwt_issuer", "Jwt issuer is not configured");
        }

        if (Lifetime(payload) is { } lifetime)
        {
            return lifetime;
        }

        if (!provider.Rule.Audiences.IsDefaultOrEmpty
            && !Authorization.ConditionMatcher.ClaimValues(payload, ["aud"]).Any(a => provider.Rule.Audiences.Contains(a ?? "", StringComparer.Ordinal)))
        {
            return JwtValidationResult.Fail("jwt_audience", "Audiences in Jwt are not allowed");
        }

        var keys = await KeysAsync(provider, algorithm!, String(header, "kid"), cancellationToken).ConfigureAwait(false);
        if (keys.Count == 0)
        {
            return JwtValidationResult.Fail("jwt_unknown_key", "Jwks doesn't have key to match kid or alg from Jwt");
        }

        TokenValidationResult result;
        try
        {
            result = await _handler.ValidateTokenAsync(token, Parameters(provider, algorithm!, keys)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenException or FormatException or System.Security.Cryptography.CryptographicException or NotSupportedException)
        {
            // Bad input must be a 401, never a 500.
            return JwtValidationResult.Fail("jwt_signature", "Jwt verification fails");
        }

        if (!result.IsValid)
        {
            return JwtValidationResult.Fail("jwt_signature", "Jwt verification fails");
        }

        var authentication = new MeshAuthentication(issuer!, String(payload, "sub") ?? "", payload.Clone())
        {
            SpaceDelimitedClaims = provider.SpaceDelimitedClaims,
        };
        return new JwtValidationResult(authentication, provider, encodedPayload, null);
    }

    private static TokenValidationParameters Parameters(JwtProvider provider, string algorithm, IReadOnlyList<JsonWebKey> keys) =>
        new()
        {
            ValidIssuer = provider.Issuer,
            ValidateIssuer = true,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = false,
            ValidAlgorithms = [algorithm],
            IssuerSigningKeys = keys,
            TryAllIssuerSigningKeys = true,
            ValidateTokenReplay = false,
        };

    private async ValueTask<IReadOnlyList<JsonWebKey>> KeysAsync(JwtProvider provider, string algorithm, string? kid, CancellationToken cancellationToken)
    {
        var keys = Matching(await provider.Keys.GetKeysAsync(cancellationToken).ConfigureAwait(false), algorithm, kid);
        if (keys.Count > 0 || kid is null)
        {
            return keys;
        }

        // The issuer may have rotated its keys since the last fetch.
        return Matching(await provider.Keys.RefreshForUnknownKeyAsync(cancellationToken).ConfigureAwait(false), algorithm, kid);
    }

    private static List<JsonWebKey> Matching(IReadOnlyList<JsonWebKey> keys, string algorithm, string? kid)
    {
        var (type, curve) = JwtAlgorithms.KeyFor(algorithm);
        return [.. keys.Where(k => k.Kty == type
            && (curve is null || k.Crv == curve)
            && (string.IsNullOrEmpty(k.Alg) || k.Alg == algorithm)
            && (kid is null || string.Equals(k.Kid, kid, StringComparison.Ordinal)))];
    }

    private JwtValidationResult? Lifetime(JsonElement payload)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var skew = (long)options.ClockSkew.TotalSeconds;
        if (!TryTime(payload, "exp", out var exp) || !TryTime(payload, "nbf", out var nbf))
        {
            return JwtValidationResult.Fail("jwt_malformed", "Jwt exp or nbf is not a number");
        }

        if (exp is { } expires && now > expires + skew)
        {
            return JwtValidationResult.Fail("jwt_expired", "Jwt is expired");
        }

        return nbf is { } notBefore && now + skew < notBefore ? JwtValidationResult.Fail("jwt_not_yet_valid", "Jwt not yet valid") : null;
    }

    private static bool TryTime(JsonElement payload, string name, out long? value)
    {
        value = null;
        if (!payload.TryGetProperty(name, out var element))
        {
            return true;
        }

        if (element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var seconds) && double.IsFinite(seconds))
        {
            value = (long)Math.Clamp(Math.Floor(seconds), long.MinValue / 2, long.MaxValue / 2);
            return true;
        }

        return false;
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    // An escaped lone surrogate (\ud800) is valid JSON but not text: every later read of that string would throw.
    // Only escaped strings can hold one, and real tokens rarely escape anything, so this costs a scan without allocation.
    private static bool EscapesAreText(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = s_json.MaxDepth });
        Span<char> text = stackalloc char[256];
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
                {
                    if (reader.ValueSpan.Length > text.Length)
                    {
                        _ = reader.GetString();
                    }
                    else
                    {
                        reader.CopyString(text);
                    }
                }
            }

            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static JsonDocument? Decode(string segment)
    {
        try
        {
            // JSON text is UTF-8 (RFC 8259 §8.1); JsonDocument checks string contents only when they are read, so a
            // header or claim holding invalid UTF-8 would throw from every later read (a 500 found by fuzzing).
            var bytes = Base64Url.DecodeFromChars(segment);
            if (!System.Text.Unicode.Utf8.IsValid(bytes))
            {
                return null;
            }

            if (!EscapesAreText(bytes))
            {
                return null;
            }

            var document = JsonDocument.Parse(bytes, s_json);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
            return null;
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            return null;
        }
    }
}
