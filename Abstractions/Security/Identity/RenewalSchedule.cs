namespace OrleansMesh.Security.Identity;

/// <summary>When to renew a certificate: at half its lifetime, with jitter, as Istio's agent does.</summary>
public static class RenewalSchedule
{
    /// <summary>
    /// The renewal time for a certificate valid from <paramref name="notBefore"/> to <paramref name="notAfter"/>;
    /// <paramref name="draw"/> in [0, 1) moves it by up to <paramref name="jitter"/> of the lifetime either way.
    /// </summary>
    public static DateTimeOffset RenewAt(DateTimeOffset notBefore, DateTimeOffset notAfter, double jitter, double draw)
    {
        var lifetime = notAfter - notBefore;
        var offset = lifetime * (0.5 + (jitter * ((2 * draw) - 1)));
        return notBefore + offset;
    }
}
