using Microsoft.Extensions.Logging;

namespace OrleansMesh.Grains.Identity;

internal sealed partial class CertificateAuthorityGrain
{
    [LoggerMessage(1, LogLevel.Information, "Mesh CA created for trust domain {TrustDomain}: {Subject}, valid until {NotAfter}")]
    private static partial void LogCreated(ILogger logger, string trustDomain, string subject, DateTime notAfter);

    [LoggerMessage(2, LogLevel.Debug, "Issued certificate {Serial} to {SpiffeId}, valid until {NotAfter}")]
    private static partial void LogIssued(ILogger logger, string serial, string spiffeId, DateTimeOffset notAfter);

    [LoggerMessage(3, LogLevel.Warning, "Revoked certificate {Serial} of {SpiffeId}")]
    private static partial void LogRevoked(ILogger logger, string serial, string spiffeId);

    [LoggerMessage(4, LogLevel.Warning, "Refused a certificate for {SpiffeId}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string spiffeId, string reason);

    [LoggerMessage(5, LogLevel.Information, "Created join token {Id} for namespace {Namespace}, service account {ServiceAccount}, valid until {ExpiresAt}")]
    private static partial void LogTokenCreated(ILogger logger, string id, string @namespace, string serviceAccount, DateTimeOffset expiresAt);

    [LoggerMessage(6, LogLevel.Warning, "Revoked join token {Id} of namespace {Namespace}, service account {ServiceAccount}")]
    private static partial void LogTokenRevoked(ILogger logger, string id, string @namespace, string serviceAccount);
}
