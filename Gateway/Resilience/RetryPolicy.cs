using OrleansMesh.Networking;

namespace OrleansMesh.Gateway.Resilience;

/// <summary>A route's retries, with Istio's defaults applied (pilot's retry.ConvertPolicy).</summary>
internal sealed class RetryPolicy(int maxRetries, TimeSpan? perTryTimeout, RetryOn retryOn)
{
    /// <summary>Istio's retries when a route has no <c>retries</c>: 2, on connect-failure, refused-stream and 503.</summary>
    public static RetryPolicy IstioDefault { get; } = new(2, null, RetryOn.IstioDefault);

    /// <summary>Retries after the first attempt.</summary>
    public int MaxRetries { get; } = maxRetries;

    public TimeSpan? PerTryTimeout { get; } = perTryTimeout;

    public RetryOn RetryOn { get; } = retryOn;

    /// <summary>
    /// Null when retries are off (<c>attempts: 0</c>). Without <c>retryOn</c> the default conditions stay;
    /// with one, they are replaced entirely, 503 included, as in Istio.
    /// </summary>
    public static RetryPolicy? FromIstio(HttpRetry? retries)
    {
        if (retries is null)
        {
            return IstioDefault;
        }

        if (retries.Attempts <= 0)
        {
            return null;
        }

        var retryOn = string.IsNullOrWhiteSpace(retries.RetryOn) ? RetryOn.IstioDefault : RetryOn.Parse(retries.RetryOn);
        return new RetryPolicy(retries.Attempts, retries.PerTryTimeout is { } t && t > TimeSpan.Zero ? t : null, retryOn);
    }
}
