using OrleansMesh.Resilience;
using OrleansMesh.Rollouts;
using OrleansMesh.Silo.Dashboard.Reading;
using OrleansMesh.Silo.Dashboard.Views;

namespace OrleansMesh.Silo.Dashboard;

/// <summary>
/// Answers everything under <see cref="DashboardDefaults.BasePath"/>: the page and its assets, the read-only JSON API
/// (open to anyone who reaches the listener, each answer shared for a moment by every page) and the actions, which
/// need the admin token's session when the silo has a token and pass <see cref="RequestGuard"/> always.
/// </summary>
internal sealed partial class DashboardMiddleware
{
    // No inline script or style anywhere: the page runs only what the silo serves.
    private const string ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

    private readonly DashboardAssets _assets;
    private readonly DashboardReader _reader;
    private readonly AdminSession _session;
    private readonly ILogger<DashboardMiddleware> _logger;
    private readonly CachedAnswer<DashboardState> _state;
    private readonly CachedAnswer<ConfigView> _config;
    private readonly CachedAnswer<SeriesView> _series;
    private readonly CachedAnswer<IReadOnlyList<CertificateView>> _certificates;

    public DashboardMiddleware(RequestDelegate next, DashboardAssets assets, DashboardReader reader, AdminSession session, TimeProvider time, ILogger<DashboardMiddleware> logger)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _assets = assets;
        _reader = reader;
        _session = session;
        _logger = logger;
        _state = new(DashboardDefaults.StateCacheFor, time, reader.ReadStateAsync);
        _config = new(DashboardDefaults.SlowCacheFor, time, reader.ReadConfigAsync);
        _series = new(DashboardDefaults.SlowCacheFor, time, reader.ReadSeriesAsync);
        _certificates = new(DashboardDefaults.SlowCacheFor, time, reader.ReadCertificatesAsync);
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        var path = request.Path.Value ?? "";
        var get = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        var post = HttpMethods.IsPost(request.Method);
        switch (path)
        {
            case "" when get:
                context.Response.Redirect($"{request.PathBase}/");
                return;
            case "/" when get:
                await _assets.TryServeAsync(context, "index.html");
                return;
            case "/api/state" when get:
                var state = await _state.GetAsync();
                await DashboardJson.WriteAsync(context, state with { Access = new AccessView(_session.TokenRequired, _session.IsSignedIn(context)) });
                return;
            case "/api/config" when get:
                await DashboardJson.WriteAsync(context, await _config.GetAsync());
                return;
            case "/api/series" when get:
                await DashboardJson.WriteAsync(context, await _series.GetAsync());
                return;
            case "/api/certificates" when get:
                await CertificatesAsync(context);
                return;
            case "/api/session" when post:
                await SignInAsync(context);
                return;
            case "/api/session/end" when post:
                await SignOutAsync(context);
                return;
            case "/api/breaker" when post:
                await BreakerAsync(context);
                return;
            case "/api/rollout" when post:
                await RolloutAsync(context);
                return;
            default:
                if (!get || path.Length < 2 || !await _assets.TryServeAsync(context, path[1..]))
                {
                    await DashboardJson.ErrorAsync(context, StatusCodes.Status404NotFound, $"no such dashboard resource: {request.Method} {request.PathBase}{path}");
                }

                return;
        }
    }

    private async Task CertificatesAsync(HttpContext context)
    {
        if (!_session.MayAct(context))
        {
            await DashboardJson.ErrorAsync(context, StatusCodes.Status401Unauthorized, "the CA's inventory is an admin read: enter the mesh admin token");
            return;
        }

        await DashboardJson.WriteAsync(context, await _certificates.GetAsync());
    }

    private async Task SignInAsync(HttpContext context)
    {
        if (await GuardAsync(context) is not { } body)
        {
            return;
        }

        var signIn = Read<SignInRequest>(body);
        if (!_session.TokenRequired)
        {
            await DashboardJson.ErrorAsync(context, StatusCodes.Status400BadRequest, "this mesh has no admin token: every action is open");
            return;
        }

        if (!_session.SignIn(context, signIn?.Token))
        {
            LogSignInRefused(context.Connection.RemoteIpAddress?.ToString());
            await DashboardJson.ErrorAsync(context, StatusCodes.Status401Unauthorized, "that is not the mesh admin token");
            return;
        }

        LogSignedIn(context.Connection.RemoteIpAddress?.ToString());
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private async Task SignOutAsync(HttpContext context)
    {
        if (await GuardAsync(context) is null)
        {
            return;
        }

        _session.SignOut(context);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private async Task BreakerAsync(HttpContext context)
    {
        if (await GuardAsync(context) is not { } body || !await MayActAsync(context))
        {
            return;
        }

        var action = Read<BreakerRequest>(body);
        BreakerOverride? hold = action?.Hold switch
        {
            "open" => BreakerOverride.ForcedOpen,
            "close" => BreakerOverride.ForcedClosed,
            "reset" => BreakerOverride.None,
            _ => null,
        };
        if (action is not { Host: { Length: > 0 } host } || hold is not { } chosen || host.Contains(DestinationKey.Separator, StringComparison.Ordinal)
            || action.Subset?.Contains(DestinationKey.Separator, StringComparison.Ordinal) == true)
        {
            await DashboardJson.ErrorAsync(context, StatusCodes.Status400BadRequest, "give host, optional subset and hold: open, close or reset");
            return;
        }

        var key = DestinationKey.Of(host, action.Subset);
        var health = await _reader.OverrideAsync(key, chosen);
        LogBreakerHeld(key, chosen);
        _state.Invalidate();
        await DashboardJson.WriteAsync(context, new { destination = health.Destination, state = health.State.ToString(), @override = health.Override.ToString() });
    }

    private async Task RolloutAsync(HttpContext context)
    {
        if (await GuardAsync(context) is not { } body || !await MayActAsync(context))
        {
            return;
        }

        var action = Read<RolloutRequest>(body);
        if (action is not { Namespace: { Length: > 0 } ns, Name: { Length: > 0 } name, Action: "promote" or "abort" or "pause" or "resume" })
        {
            await DashboardJson.ErrorAsync(context, StatusCodes.Status400BadRequest, "give namespace, name and action: promote, abort, pause or resume");
            return;
        }

        RolloutStatus status;
        try
        {
            status = await _reader.ActAsync(ns, name, action.Action);
        }
        catch (InvalidOperationException e)
        {
            await DashboardJson.ErrorAsync(context, StatusCodes.Status409Conflict, e.Message);
            return;
        }

        LogRolloutAction(ns, name, action.Action);
        _state.Invalidate();
        await DashboardJson.WriteAsync(context, new { phase = status.Phase.ToString(), canaryWeight = status.CanaryWeight, paused = status.Paused });
    }

    private async Task<bool> MayActAsync(HttpContext context)
    {
        if (_session.MayAct(context))
        {
            return true;
        }

        await DashboardJson.ErrorAsync(context, StatusCodes.Status401Unauthorized, "this mesh has an admin token: enter it to act");
        return false;
    }

    // The CSRF checks, then the body (small: actions carry a few fields).
    private static async Task<string?> GuardAsync(HttpContext context)
    {
        if (RequestGuard.Refusal(context.Request) is { } refusal)
        {
            await DashboardJson.ErrorAsync(context, StatusCodes.Status403Forbidden, refusal);
            return null;
        }

        if (context.Request.ContentLength is > 4096)
        {
            await DashboardJson.ErrorAsync(context, StatusCodes.Status413PayloadTooLarge, "action bodies are at most 4 KiB");
            return null;
        }

        using var reader = new StreamReader(context.Request.Body);
        var buffer = new char[4097];
        var read = await reader.ReadBlockAsync(buffer, context.RequestAborted);
        if (read > 4096)
        {
            await DashboardJson.ErrorAsync(context, StatusCodes.Status413PayloadTooLarge, "action bodies are at most 4 KiB");
            return null;
        }

        return new string(buffer, 0, read);
    }

    private static T? Read<T>(string body)
        where T : class
    {
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<T>(body, DashboardJson.Options);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
