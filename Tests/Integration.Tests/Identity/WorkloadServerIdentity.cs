using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using OrleansMesh.Samples.ModelServer.Security;
using OrleansMesh.Security.Identity;

namespace OrleansMesh.Integration.Tests.Identity;

/// <summary>The model server's mesh identity backed by the CA's workload client; records the serials it presented.</summary>
internal sealed class WorkloadServerIdentity(WorkloadIdentity workload) : IMeshServerIdentity
{
    public ConcurrentDictionary<string, int> Presented { get; } = new();

    public X509Certificate2? ServerCertificate
    {
        get
        {
            var current = workload.Current;
            if (current is not null)
            {
                Presented.AddOrUpdate(current.SerialNumber, 1, (_, n) => n + 1);
            }

            return current;
        }
    }

    public bool IsTrustedClient(X509Certificate2 certificate, X509Chain? chain) =>
        workload.Trust.Verify(certificate, chain?.ChainPolicy.ExtraStore).Accepted;
}
