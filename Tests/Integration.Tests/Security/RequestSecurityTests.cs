using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OrleansMesh.Gateway.Model;
using OrleansMesh.Integration.Tests.Infrastructure;

namespace OrleansMesh.Integration.Tests.Security;

/// <summary>
/// A real cluster, gateway and model server on 127.0.0.1 with Istio request authentication and authorization
/// applied through the control plane: tokens, policies, path normalisation and request framing end to end.
/// </summary>
public sealed class RequestSecurityTests : IAsyncLifetime
{
    private const string Host = "model.test";
    private const string LocalIssuer = "https://issuer.local";
    private readonly MeshCluster _mesh = new(silos: 1);
    private readonly RSA _k1 = RSA.Create(2048);
    private readonly RSA _k2 = RSA.Create(2048);
    private ModelBackends _model = null!;
    private JwksServer _jwks = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        await _mesh.StartAsync();
        _model = await ModelBackends.StartAsync(Host, "v1");
        _jwks = await JwksServer.StartAsync();
        _jwks.KeySet = JwksServer.Of(_k1, "k1");
        var istioJwks = File.ReadAllText(Path.Combine(SharedCorpus.Root, "conformance", "istio", "jwt", "jwks.json")).Replace("'", "''", StringComparison.Ordinal);
        await _mesh.ApplyAsync(_model.ServiceEntryYaml(Host));
        await _mesh.ApplyAsync($"""
            apiVersion: security.istio.io/v1
            kind: RequestAuthentication
            metadata:
              name: jwt
              namespace: istio-system
            spec:
              jwtRules:
              - issuer: testing@secure.istio.io
                jwks: '{istioJwks}'
                outputPayloadToHeader: x-jwt-payload
              - issuer: {LocalIssuer}
                jwksUri: {_jwks.Uri}
            ---
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata:
              name: deny-admin
              namespace: istio-system
            spec:
              action: DENY
              rules:
              - to:
                - operation:
                    paths: [/admin, /admin/*]
              - when:
                - key: request.headers[x-block]
                  values: ["yes"]
            ---
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata:
              name: group1-only
              namespace: istio-system
            spec:
              selector:
                matchLabels:
                  istio: ingressgateway
              action: DENY
              rules:
              - to:
                - operation:
                    paths: [/group/*]
                when:
                - key: request.auth.claims[groups]
                  notValues: [group1]
            """);
        _gateway = await GatewayHost.StartAsync(_mesh.Grains);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJub25lIn0.eyJpc3MiOiJ0ZXN0aW5nQHNlY3VyZS5pc3Rpby5pbyJ9.")]
    public async Task Get_BadToken_401WithJsonBody(string token)
    {
        using var response = await _gateway.GetAsync(Host, "/v1/models", ("Authorization", "Bearer " + token));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("JWT", response.Headers.GetValues(MeshErrorResponses.FlagsHeader).Single());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("jwt_", body.RootElement.GetProperty("error").GetProperty("code").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_HugeToken_401NotServerError()
    {
        using var response = await _gateway.GetAsync(Host, "/v1/models", ("Authorization", "Bearer " + new string('A', 20_000)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Get_NoToken_PassesAuthentication()
    {
        using var response = await _gateway.GetAsync(Host, "/v1/models");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Get_IstioToken_ForwardedWithoutTokenWithPayloadHeader()
    {
        using var response = await _gateway.GetAsync(Host, "/echo", ("Authorization", "Bearer " + IstioToken("demo.jwt")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var headers = body.RootElement.GetProperty("headers");
        Assert.False(headers.TryGetProperty("authorization", out _));
        Assert.Equal(IstioToken("demo.jwt").Split('.')[1], headers.GetProperty("x-jwt-payload").GetString());
    }

    [Fact]
    public async Task Get_ForgedPayloadHeaderWithoutToken_Removed()
    {
        using var response = await _gateway.GetAsync(Host, "/echo", ("x-jwt-payload", "forged"));

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(body.RootElement.GetProperty("headers").TryGetProperty("x-jwt-payload", out _));
    }

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/users")]
    public async Task Get_DeniedPath_403WithRbacFlag(string path)
    {
        using var response = await _gateway.GetAsync(Host, path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("RBAC", response.Headers.GetValues(MeshErrorResponses.FlagsHeader).Single());
        Assert.Contains("istio-system/deny-admin", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_DeniedHeader_403()
    {
        using var response = await _gateway.GetAsync(Host, "/v1/models", ("x-block", "yes"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Forbidden)]
    [InlineData("demo.jwt", HttpStatusCode.Forbidden)]
    [InlineData("groups-scope.jwt", HttpStatusCode.OK)]
    public async Task Get_GroupPath_RequiresGroup1(string? token, HttpStatusCode expected)
    {
        (string, string)[] headers = token is null ? [] : [("Authorization", "Bearer " + IstioToken(token))];

        using var response = await _gateway.GetAsync(Host, "/group/x", headers);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Get_JwksUriKeyRotated_NewKeyAcceptedOldRefused()
    {
        using (var first = await _gateway.GetAsync(Host, "/v1/models", ("Authorization", "Bearer " + Sign(_k1, "k1"))))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        _jwks.KeySet = JwksServer.Of(_k2, "k2");
        using (var rotated = await _gateway.GetAsync(Host, "/v1/models", ("Authorization", "Bearer " + Sign(_k2, "k2"))))
        {
            Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        }

        var fetches = _jwks.Fetches;
        using var old = await _gateway.GetAsync(Host, "/v1/models", ("Authorization", "Bearer " + Sign(_k1, "k1")));
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        Assert.Equal(fetches, _jwks.Fetches);
    }

    [Theory]
    [InlineData("/public/../admin/x")]
    [InlineData("/public/./../admin/x")]
    [InlineData("/public/%2e%2e/admin/x")]
    [InlineData("/public/%2E%2E/admin/x")]
    [InlineData("/public/.%2e/admin/x")]
    [InlineData("//admin/x")]
    [InlineData("/admin//x")]
    [InlineData("/public%2F..%2Fadmin/x")]
    [InlineData("/public%2f..%2fadmin")]
    [InlineData("/public%5C..%5Cadmin/x")]
    [InlineData("/public\\..\\admin")]
    [InlineData("/%61dmin/x")]
    [InlineData("/admin%2Fx")]
    [InlineData("/./admin")]
    [InlineData("/../../admin")]
    [InlineData("http://model.test/public/../admin")]
    public async Task RawGet_TraversalTowardsDeniedPath_NeverReachesIt(string target)
    {
        var (status, response) = await RawHttp.GetAsync(_gateway.Address, target, Host);

        Assert.True(status is 403 or 400, $"{target} answered {status}: {response}");
    }

    [Theory]
    [InlineData("/a%zz")]
    [InlineData("/a%00b")]
    public async Task RawGet_UnnormalisablePath_400(string target)
    {
        var (status, _) = await RawHttp.GetAsync(_gateway.Address, target, Host);

        Assert.Equal(400, status);
    }

    [Fact]
    public async Task RawGet_NormalisedPath_ReachesUpstreamNormalised()
    {
        var (status, response) = await RawHttp.GetAsync(_gateway.Address, "/public//a/%2e%2e/b%2Fc", Host);

        Assert.Equal(200, status);
        Assert.Contains("\"path\":\"/public/b/c\"", response, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n", "0\r\n\r\n")]
    [InlineData("Transfer-Encoding: chunked\r\nContent-Length: 5\r\n", "0\r\n\r\n")]
    [InlineData("Transfer-Encoding: gzip\r\n", "")]
    [InlineData("Transfer-Encoding: gzip, chunked\r\n", "0\r\n\r\n")]
    [InlineData("Transfer-Encoding: chunked, chunked\r\n", "0\r\n\r\n")]
    [InlineData("Transfer-Encoding: xchunked\r\n", "")]
    public async Task RawPost_AmbiguousFraming_400(string headers, string body)
    {
        var (status, response) = await RawHttp.SendAsync(_gateway.Address, $"POST /v1/models HTTP/1.1\r\nHost: {Host}\r\nConnection: close\r\n{headers}\r\n{body}");

        Assert.True(status == 400, $"answered {status}: {response}");
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _jwks.DisposeAsync();
        await _model.DisposeAsync();
        await _mesh.DisposeAsync();
    }

    private static string IstioToken(string name) => File.ReadAllText(Path.Combine(SharedCorpus.Root, "conformance", "istio", "jwt", name)).Trim();

    private static string Sign(RSA key, string kid)
    {
        var header = B64(JsonSerializer.Serialize(new { alg = "RS256", kid, typ = "JWT" }));
        var payload = B64(JsonSerializer.Serialize(new { iss = LocalIssuer, sub = "alice", exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds() }));
        var signature = key.SignData(Encoding.ASCII.GetBytes(header + "." + payload), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return header + "." + payload + "." + Convert.ToBase64String(signature).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
