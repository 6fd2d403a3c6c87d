using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OrleansMesh.Security.Identity;

namespace OrleansMesh.Grains.Tests.Identity;

/// <summary>CSRs for the CA tests, valid and otherwise.</summary>
internal static class TestCsrs
{
    public const string Id = "spiffe://cluster.local/ns/default/sa/reviews";

    public static CertificateSigningRequest Valid(string id = Id, TimeSpan? ttl = null)
    {
        SpiffeId.TryParse(id, out var parsed);
        var (key, csr) = WorkloadCsr.Create(parsed!);
        key.Dispose();
        return new CertificateSigningRequest { Csr = csr, SpiffeId = id, Ttl = ttl };
    }

    /// <summary><paramref name="request"/> with a join token for its identity, minted by <paramref name="ca"/> as an operator would.</summary>
    public static async Task<CertificateSigningRequest> EntitledAsync(ICertificateAuthorityGrain ca, CertificateSigningRequest request)
    {
        SpiffeId.TryParse(request.SpiffeId, out var id);
        var created = await ca.CreateJoinTokenAsync(id!.Namespace, id.ServiceAccount, null);
        return request with { JoinToken = created.Token };
    }

    public static CertificateSigningRequest WithSans(params string[] uris) => Custom(ECDsa.Create(ECCurve.NamedCurves.nistP256), uris);

    public static CertificateSigningRequest Custom(AsymmetricAlgorithm key, string[] uris, bool ca = false)
    {
        using (key)
        {
            var request = key is RSA rsa
                ? new CertificateRequest(new X500DistinguishedName(""), rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
                : new CertificateRequest(new X500DistinguishedName(""), (ECDsa)key, HashAlgorithmName.SHA256);
            if (uris.Length > 0)
            {
                var san = new SubjectAlternativeNameBuilder();
                foreach (var uri in uris)
                {
                    san.AddUri(new Uri(uri));
                }

                request.CertificateExtensions.Add(san.Build(critical: true));
            }

            if (ca)
            {
                request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            }

            return new CertificateSigningRequest { Csr = request.CreateSigningRequestPem(), SpiffeId = Id };
        }
    }
}
