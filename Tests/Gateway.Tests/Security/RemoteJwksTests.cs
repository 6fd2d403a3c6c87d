using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OrleansMesh.Gateway.Security;
using OrleansMesh.Gateway.Security.Jwt;
using OrleansMesh.Security;
using static OrleansMesh.Gateway.Tests.Security.TestTokens;

namespace OrleansMesh.Gateway.Tests.Security;

public sealed class RemoteJwksTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(Now);
    private readonly KeyServer _server = new();
    private readonly JwksCache _cache;
    private readonly JwtRule _rule = new() { Issuer = Issuer, JwksUri = "http://127.0.0.1:1/jwks" };

    public RemoteJwksTests()
    {
        _cache = new JwksCache(Options.Create(new MeshSecurityOptions()), _time, NullLogger<JwksCache>.Instance, _server);
    }

    [Fact]
    public async Task ValidateAsync_KeyRotatedAtIssuer_RefetchesOnceAndAccepts()
    {
        var source = (RemoteJwks)_cache.For(_rule);
        await source.GetKeysAsync(CancellationToken.None);
        var rotated = RSA();
        _server.Body = Jwks((rotated, "k2"));

        var result = await Validator().ValidateAsync(Rs256(Claims(), "k2", rotated), [new JwtProvider(_rule, source)], CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal(2, _server.Requests);
    }

    [Fact]
    public async Task ValidateAsync_UnknownKidsWithinRateLimit_FetchOnce()
    {
        var source = (RemoteJwks)_cache.For(_rule);
        var provider = new JwtProvider(_rule, source);
        await source.GetKeysAsync(CancellationToken.None);

        for (var i = 0; i < 20; i++)
        {
            var result = await Validator().ValidateAsync(Rs256(Claims(), $"forged-{i}"), [provider], CancellationToken.None);
            Assert.False(result.Succeeded);
        }

        Assert.Equal(2, _server.Requests);
        _time.Advance(TimeSpan.FromSeconds(31));
        await Validator().ValidateAsync(Rs256(Claims(), "forged-again"), [provider], CancellationToken.None);
        Assert.Equal(3, _server.Requests);
    }

    [Fact]
    public async Task RefreshForUnknownKeyAsync_FetchInFlight_SharesItWithoutSpendingTheRateLimit()
    {
        _server.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var source = (RemoteJwks)_cache.For(_rule);
        await _server.WaitForRequestsAsync(1);

        var shared = source.RefreshForUnknownKeyAsync(CancellationToken.None);
        _server.Hold.SetResult();
        await shared;
        Assert.Equal(1, _server.Requests);

        await source.RefreshForUnknownKeyAsync(CancellationToken.None);
        Assert.Equal(2, _server.Requests);
    }

    [Fact]
    public async Task GetKeysAsync_FetchFails_KeepsLastGoodKeys()
    {
        var source = (RemoteJwks)_cache.For(_rule);
        await source.GetKeysAsync(CancellationToken.None);
        _server.Status = HttpStatusCode.InternalServerError;

        var keys = await source.Refresh();

        Assert.Single(keys, k => k.Kid == "k1");
        Assert.True((await Validator().ValidateAsync(Rs256(Claims()), [new JwtProvider(_rule, source)], CancellationToken.None)).Succeeded);
    }

    [Fact]
    public async Task GetKeysAsync_AfterRefreshInterval_ServesHeldKeysAndRefreshesInBackground()
    {
        var source = (RemoteJwks)_cache.For(_rule);
        await source.GetKeysAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(21));

        var keys = await source.GetKeysAsync(CancellationToken.None);
        await _server.WaitForRequestsAsync(2);

        Assert.Single(keys, k => k.Kid == "k1");
        Assert.Equal(2, _server.Requests);
    }

    public void Dispose() => _cache.Dispose();

    private static System.Security.Cryptography.RSA RSA() => System.Security.Cryptography.RSA.Create(2048);

    private JwtValidator Validator() => new(new MeshSecurityOptions(), _time);

    /// <summary>Answers every request with <see cref="Body"/>, counting them.</summary>
    private sealed class KeyServer : HttpMessageHandler
    {
        private int _requests;

        public string Body { get; set; } = Jwks((Rsa, "k1"));

        public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;

        private readonly SemaphoreSlim _arrivals = new(0);

        public int Requests => Volatile.Read(ref _requests);

        /// <summary>Waits until <paramref name="count"/> requests in all have arrived (10 s at most).</summary>
        public async Task WaitForRequestsAsync(int count)
        {
            while (Requests < count)
            {
                Assert.True(await _arrivals.WaitAsync(TimeSpan.FromSeconds(10)), $"only {Requests} of {count} key fetches arrived");
            }
        }

        /// <summary>When set, answers wait for it.</summary>
        public TaskCompletionSource? Hold { get; set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            _arrivals.Release();
            if (Hold is { } hold)
            {
                await hold.Task.WaitAsync(cancellationToken);
            }

            return new HttpResponseMessage(Status) { Content = new StringContent(Body) };
        }
    }
}
