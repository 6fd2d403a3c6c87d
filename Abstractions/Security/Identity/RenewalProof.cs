using System.Security.Cryptography;
using System.Text;

namespace OrleansMesh.Security.Identity;

/// <summary>
/// Proof that a renewing workload holds the private key of its current certificate. The signed bytes are
/// <see cref="Context"/> followed by the UTF-8 bytes of <see cref="CertificateSigningRequest.Csr"/> exactly as sent;
/// the signature is ECDSA with SHA-256 in IEEE P1363 form (r||s), base64. The context keeps the signature from being
/// valid for anything but a mesh renewal; binding it to the new CSR means a captured proof only gets a certificate for
/// the key in that CSR, which the eavesdropper does not hold.
/// </summary>
public static class RenewalProof
{
    /// <summary>The domain-separation prefix of the signed bytes.</summary>
    public const string Context = "orleansmesh-renewal-v1\n";

    /// <summary>The bytes signed for <paramref name="csr"/>.</summary>
    public static byte[] SignedBytes(string csr)
    {
        ArgumentNullException.ThrowIfNull(csr);
        return Encoding.UTF8.GetBytes(Context + csr);
    }

    /// <summary>Signs <paramref name="csr"/> with the current certificate's key; base64.</summary>
    public static string Create(ECDsa currentKey, string csr)
    {
        ArgumentNullException.ThrowIfNull(currentKey);
        return Convert.ToBase64String(currentKey.SignData(SignedBytes(csr), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }

    /// <summary>Whether <paramref name="proof"/> is a valid signature over <paramref name="csr"/> by <paramref name="currentKey"/>; false for malformed input.</summary>
    public static bool Verify(ECDsa currentKey, string csr, string? proof)
    {
        ArgumentNullException.ThrowIfNull(currentKey);
        ArgumentNullException.ThrowIfNull(csr);
        if (string.IsNullOrEmpty(proof) || proof.Length > 1024)
        {
            return false;
        }

        var signature = new byte[proof.Length];
        return Convert.TryFromBase64String(proof, signature, out var length)
            && currentKey.VerifyData(SignedBytes(csr), signature.AsSpan(0, length), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }
}
