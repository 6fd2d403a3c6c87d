using System.Security.Cryptography;
using System.Text.Json;

namespace OrleansMesh.Integration.Tests.Security;

/// <summary>An issuer's key endpoint on 127.0.0.1: serves the current key set at <c>/jwks</c> and counts fetches.</summary>
internal sealed class JwksServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _fetches;

    private JwksServer(WebApplication app) => _app = app;

    public string KeySet { get; set; } = "{\"keys\":[]}";

    public int Fetches => Volatile.Read(ref _fetches);

    public Uri Uri => new(new Uri(_app.Urls.Single()), "/jwks");

    public static async Task<JwksServer> StartAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new JwksServer(app);
        app.MapGet("/jwks", () =>
        {
            Interlocked.Increment(ref server._fetches);
            return Results.Text(server.KeySet, "application/json");
        });
        await app.StartAsync();
        return server;
    }

    public static string Of(RSA key, string kid)
    {
        var p = key.ExportParameters(false);
        return JsonSerializer.Serialize(new { keys = new[] { new { kty = "RSA", kid, alg = "RS256", use = "sig", e = Convert.ToBase64String(p.Exponent!).TrimEnd('=').Replace('+', '-').Replace('/', '_'), n = Convert.ToBase64String(p.Modulus!).TrimEnd('=').Replace('+', '-').Replace('/', '_') } } });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
