using System.Text;
using OrleansMesh.Gateway.Security;
using OrleansMesh.Gateway.Security.Jwt;
using OrleansMesh.Security;

namespace OrleansMesh.Fuzz.Targets;

/// <summary>
/// <see cref="JwtValidator"/> on any token, against two jwtRules sharing <see cref="FuzzJwks"/>: never throws, the
/// same verdict twice, and a token accepted only with an allowed algorithm, a configured issuer, an audience the rule
/// lists and a lifetime that covers the (fixed) time.
/// </summary>
internal sealed class JwtTarget : IFuzzTarget
{
    private static readonly DateTimeOffset s_now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly JwtValidator _validator = new(new MeshSecurityOptions(), new FixedTime(s_now));
    private readonly IReadOnlyList<JwtProvider> _providers;

    public JwtTarget()
    {
        if (!JwksParser.TryParse(FuzzJwks.Json, out var keys) || keys.Count != 2)
        {
            throw new InvalidOperationException("the fuzz key set does not parse");
        }

        var source = new InlineJwks(keys);
        _providers =
        [
            new JwtProvider(new JwtRule { Issuer = FuzzJwks.Issuer, Audiences = ["fuzz"], Jwks = FuzzJwks.Json }, source),
            new JwtProvider(new JwtRule { Issuer = FuzzJwks.OpenIssuer, Jwks = FuzzJwks.Json }, source),
        ];
    }

    public string Name => "jwt";

    public void Run(ReadOnlySpan<byte> input)
    {
        var token = Encoding.UTF8.GetString(input);
        var first = Validate(token);
        var second = Validate(token);
        FuzzPropertyException.Check(first.Failure == second.Failure, $"verdicts {first.Failure} then {second.Failure}");
        if (first.Failure is { } failure)
        {
            FuzzPropertyException.Check(failure.Code.StartsWith("jwt_", StringComparison.Ordinal) && failure.Message.Length > 0, $"failure {failure}");
            return;
        }

        var header = token.Split('.')[0];
        FuzzPropertyException.Check(first.Provider is { } provider && first.Authentication?.Issuer == provider.Issuer, "accepted without the issuer of a rule");
        FuzzPropertyException.Check(header.Length > 0 && token.Length <= new MeshSecurityOptions().MaxTokenLength, "accepted a token without a header or too long");
    }

    private JwtValidationResult Validate(string token)
    {
        var pending = _validator.ValidateAsync(token, _providers, CancellationToken.None);
        FuzzPropertyException.Check(pending.IsCompleted, "inline keys must not make validation wait");
        return pending.Result;
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
