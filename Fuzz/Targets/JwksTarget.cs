using System.Text;
using OrleansMesh.Gateway.Security.Jwt;

namespace OrleansMesh.Fuzz.Targets;

/// <summary>
/// <see cref="JwksParser"/> on any text: never throws, and keeps only public RSA or EC signing keys with an allowed (or
/// no) algorithm: never a symmetric key, never one whose private part is present and used as such.
/// </summary>
internal sealed class JwksTarget : IFuzzTarget
{
    public string Name => "jwks";

    public void Run(ReadOnlySpan<byte> input)
    {
        if (!JwksParser.TryParse(Encoding.UTF8.GetString(input), out var keys))
        {
            FuzzPropertyException.Check(keys.Count == 0, "a failed parse returned keys");
            return;
        }

        foreach (var key in keys)
        {
            FuzzPropertyException.Check(key.Kty is "RSA" or "EC", $"kept a key of type {key.Kty}");
            FuzzPropertyException.Check(string.IsNullOrEmpty(key.Use) || key.Use == "sig", $"kept a key for {key.Use}");
            FuzzPropertyException.Check(string.IsNullOrEmpty(key.Alg) || JwtAlgorithms.IsAllowed(key.Alg), $"kept a key for {key.Alg}");
        }
    }
}
