using System.Text;
using OrleansMesh.Grains.Identity;
using OrleansMesh.Security.Identity;

namespace OrleansMesh.Fuzz.Targets;

/// <summary>
/// <see cref="JoinTokenCodec"/>: any text read with the mesh's secret never throws and is accepted only if this secret
/// signed it; the claims of an accepted token create the same token again (the codec is its own inverse); the same
/// text under another secret is refused.
/// </summary>
internal sealed class JoinTokenTarget : IFuzzTarget
{
    private static readonly byte[] s_secret = Encoding.ASCII.GetBytes("orleansmesh-fuzz-join-token-secret-32b");
    private static readonly byte[] s_otherSecret = Encoding.ASCII.GetBytes("another-mesh-ca-secret-of-32-bytes!!");

    public string Name => "join-token";

    /// <summary>A token signed with the secret this target reads with, for the seed corpus.</summary>
    public static string Sign(JoinTokenInfo info) => JoinTokenCodec.Create(s_secret, info);

    public void Run(ReadOnlySpan<byte> input)
    {
        var token = Encoding.UTF8.GetString(input);
        var claims = JoinTokenCodec.Read(s_secret, token, out var failure);
        FuzzPropertyException.Check(JoinTokenCodec.Read(s_otherSecret, token, out _) is null, "a token accepted under another secret");
        if (claims is null)
        {
            FuzzPropertyException.Check(failure.Length > 0, "a refusal without a reason");
            return;
        }

        var again = JoinTokenCodec.Create(s_secret, new JoinTokenInfo
        {
            Id = claims.Id,
            Namespace = claims.Namespace,
            ServiceAccount = claims.ServiceAccount,
            ExpiresAt = claims.ExpiresAt,
        });
        FuzzPropertyException.Check(again == token, $"accepted {token} but its claims make {again}");
    }
}
