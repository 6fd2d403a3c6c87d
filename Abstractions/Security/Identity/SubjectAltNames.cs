using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OrleansMesh.Security.Identity;

/// <summary>Reads the subject alternative names .NET has no accessor for (URIs) from the SAN extension.</summary>
public static class SubjectAltNames
{
    private const string SanOid = "2.5.29.17";
    private static readonly Asn1Tag s_uriTag = new(TagClass.ContextSpecific, 6);

    /// <summary>The URI SANs and the count of every other name in the extension; (empty, 0) when there is none.</summary>
    /// <exception cref="CryptographicException">The extension is not valid DER.</exception>
    public static (IReadOnlyList<string> Uris, int Others) Read(IEnumerable<X509Extension> extensions)
    {
        ArgumentNullException.ThrowIfNull(extensions);
        var uris = new List<string>();
        var others = 0;
        foreach (var extension in extensions)
        {
            if (extension.Oid?.Value != SanOid)
            {
                continue;
            }

            try
            {
                var sequence = new AsnReader(extension.RawData, AsnEncodingRules.DER).ReadSequence();
                while (sequence.HasData)
                {
                    var tag = sequence.PeekTag();
                    if (tag == s_uriTag)
                    {
                        uris.Add(sequence.ReadCharacterString(UniversalTagNumber.IA5String, s_uriTag));
                    }
                    else
                    {
                        sequence.ReadEncodedValue();
                        others++;
                    }
                }
            }
            catch (AsnContentException ex)
            {
                throw new CryptographicException("The subject alternative name extension is malformed.", ex);
            }
        }

        return (uris, others);
    }

    /// <summary>The certificate's SPIFFE ID: its only URI SAN when that is a valid SPIFFE ID; otherwise null.</summary>
    public static SpiffeId? SpiffeIdOf(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        try
        {
            var (uris, _) = Read(certificate.Extensions.Cast<X509Extension>());
            return uris.Count == 1 && SpiffeId.TryParse(uris[0], out var id) ? id : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
