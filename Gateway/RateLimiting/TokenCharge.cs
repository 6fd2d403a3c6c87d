using OrleansMesh.Gateway.Inference;

namespace OrleansMesh.Gateway.RateLimiting;

/// <summary>
/// The tokens one model request took from its tenant's bucket up front, settled once it finished: the difference to
/// what it really used goes back to the bucket, or is charged on top. Settling touches only the gateway's leased share.
/// </summary>
internal sealed class TokenCharge(LeasedBucket bucket, InferenceRequest request, int estimate, int charged)
{
    public LeasedBucket Bucket { get; } = bucket;

    /// <summary>The request's estimate.</summary>
    public int Estimate { get; } = estimate;

    /// <summary>What was taken up front: the estimate, at most the bucket's capacity.</summary>
    public int Charged { get; } = charged;

    /// <summary>
    /// The tokens the request used: the <c>usage</c> the model server reported, else the estimate; none when no attempt
    /// reached a model server (the mesh refused it after the charge, e.g. an open breaker).
    /// </summary>
    public int Actual(bool reachedUpstream) => !reachedUpstream ? 0 : request.Usage?.TotalTokens ?? Estimate;

    /// <summary>Refunds what was charged beyond the actual use, or charges what the actual use went beyond it.</summary>
    public void Settle(long now, bool reachedUpstream)
    {
        var difference = Charged - Actual(reachedUpstream);
        if (difference > 0)
        {
            Bucket.Refund(now, difference);
        }
        else
        {
            Bucket.Charge(now, -difference);
        }
    }
}
