using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OrleansMesh.Gateway.RateLimiting;

namespace OrleansMesh.Gateway.Tests.RateLimiting;

/// <summary>
/// A real <see cref="RateLimitLeaser"/> that is never started, over an Orleans client that never connects: leases are
/// queued and never sent, so a test plays the grain's answers itself through <see cref="LeasedBucket.Leased"/>.
/// </summary>
internal sealed class UnreachedLeaser : IDisposable
{
    private readonly IHost _client;

    public UnreachedLeaser(FakeTimeProvider time)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleansClient(client => client.UseLocalhostClustering());
        _client = builder.Build();
        Leaser = new RateLimitLeaser(_client.Services.GetRequiredService<IGrainFactory>(), Options.Create(new RateLimitingOptions()), time, NullLogger<RateLimitLeaser>.Instance);
        Buckets = new RateLimitBuckets(Leaser, time);
    }

    public RateLimitLeaser Leaser { get; }

    public RateLimitBuckets Buckets { get; }

    public void Dispose()
    {
        Buckets.Dispose();
        Leaser.Dispose();
        _client.Dispose();
    }
}
