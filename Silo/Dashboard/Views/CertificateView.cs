namespace OrleansMesh.Silo.Dashboard.Views;

/// <summary>A certificate the mesh CA issued (shown to admin sessions: the CA's inventory is an admin read).</summary>
internal sealed record CertificateView(string Serial, string Identity, DateTimeOffset NotAfter, bool Revoked);
