using System.Security.Cryptography.X509Certificates;
using OrleansMesh.Security.Identity;

namespace OrleansMesh.Grains.Identity;

/// <summary>
/// Whether a CSR's caller is entitled to the identity it asks for, when the CA requires a workload credential: a valid
/// join token for that namespace and service account, or a renewal signed with the key of the current, unrevoked
/// certificate of the same identity. Either suffices; every failure is named.
/// </summary>
internal static class SigningAuthorization
{
    /// <summary>Null when the request is entitled; else why not.</summary>
    public static string? Check(CertificateSigningRequest request, SpiffeId identity, CertificateAuthorityState state, X509Certificate2 ca, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(state);
        var failures = new List<string>();
        if (!string.IsNullOrEmpty(request.JoinToken))
        {
            var failure = JoinTokenValidator.Check(state.JoinTokenSecret!, request.JoinToken, identity, state.JoinTokens!, now);
            if (failure is null)
            {
                return null;
            }

            failures.Add(failure);
        }

        if (!string.IsNullOrEmpty(request.CurrentCertificatePem) || !string.IsNullOrEmpty(request.RenewalProof))
        {
            var failure = RenewalProofVerifier.Check(request, ca, identity, serial => state.Issued.GetValueOrDefault(serial), now);
            if (failure is null)
            {
                return null;
            }

            failures.Add(failure);
        }

        return failures.Count == 0 ? "no workload credential (join token or renewal proof) was sent" : string.Join("; ", failures);
    }

    /// <summary>The refusal's message: why, and what would be accepted.</summary>
    public static string Refusal(SpiffeId identity, string reason) =>
        $"Certificate request for {identity} refused: {reason}. A first certificate needs a join token for namespace '{identity.Namespace}', service account '{identity.ServiceAccount}': "
        + $"create one with 'meshctl identity token create --namespace {identity.Namespace} --service-account {identity.ServiceAccount}' and give it to the workload (JoinToken or JoinTokenFile setting); "
        + "a renewal signs the new CSR with the current, unrevoked certificate's key.";
}
