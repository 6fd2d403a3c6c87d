using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using OrleansMesh.Security.Admin;

namespace OrleansMesh.Silo.Dashboard;

/// <summary>
/// The dashboard's sign-in with the mesh admin token. The token is checked once (constant time) and never stored in
/// the browser: the session cookie (HttpOnly, SameSite=Strict, Secure over HTTPS, no expiry date) holds a value this
/// silo protected with a key that lives only in its memory, naming a hash of the token and an expiry. A restarted
/// silo, a changed token or another silo asks for the token again.
/// </summary>
internal sealed class AdminSession
{
    private readonly string? _token;
    private readonly byte[] _tokenHash;
    private readonly IDataProtector _protector;
    private readonly TimeProvider _time;

    public AdminSession(string? token, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _token = string.IsNullOrEmpty(token) ? null : token;
        _tokenHash = SHA256.HashData(Encoding.UTF8.GetBytes(_token ?? ""));
        _protector = new EphemeralDataProtectionProvider().CreateProtector("OrleansMesh.Dashboard.Session");
        _time = time;
    }

    /// <summary>Whether the silo has an admin token; without one the mesh is open and every action is allowed.</summary>
    public bool TokenRequired => _token is not null;

    /// <summary>Whether the request may act: the mesh is open, or its session cookie is valid.</summary>
    public bool MayAct(HttpContext context) => !TokenRequired || IsSignedIn(context);

    public bool IsSignedIn(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!TokenRequired || !context.Request.Cookies.TryGetValue(DashboardDefaults.SessionCookie, out var cookie) || string.IsNullOrEmpty(cookie))
        {
            return false;
        }

        try
        {
            // "expiry in Unix seconds|token hash", readable only by this silo's key.
            var payload = _protector.Unprotect(cookie).Split('|');
            return payload.Length == 2
                && long.TryParse(payload[0], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
                && expires > _time.GetUtcNow().ToUnixTimeSeconds()
                && CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(payload[1]), _tokenHash);
        }
        catch (CryptographicException)
        {
            return false;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Checks <paramref name="presented"/> and, when it is the admin token, sets the session cookie.</summary>
    public bool SignIn(HttpContext context, string? presented)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_token is null || !AdminToken.Matches(_token, presented))
        {
            return false;
        }

        var expires = (_time.GetUtcNow() + DashboardDefaults.SessionLifetime).ToUnixTimeSeconds();
        var value = _protector.Protect($"{expires.ToString(CultureInfo.InvariantCulture)}|{Convert.ToBase64String(_tokenHash)}");
        context.Response.Cookies.Append(DashboardDefaults.SessionCookie, value, CookieOptions(context));
        return true;
    }

    public void SignOut(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Delete(DashboardDefaults.SessionCookie, CookieOptions(context));
    }

    private static CookieOptions CookieOptions(HttpContext context) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        Path = DashboardDefaults.BasePath,
        IsEssential = true,
    };
}
