namespace OrleansMesh.Silo.Dashboard;

/// <summary>The dashboard's fixed settings: where it is served, how long answers are shared, the session cookie.</summary>
internal static class DashboardDefaults
{
    /// <summary>The dashboard's path on the silo's HTTP listener.</summary>
    public const string BasePath = "/dashboard";

    /// <summary>The session cookie that says this browser presented the admin token (its value proves it, it is not the token).</summary>
    public const string SessionCookie = "om-dashboard-session";

    /// <summary>The header every action must carry: a cross-site form cannot send it, a cross-site script cannot without CORS.</summary>
    public const string CsrfHeader = "X-Mesh-Dashboard";

    /// <summary>Generations of config kept in the history the page shows.</summary>
    public const int HistoryLimit = 50;

    /// <summary>How long one reading of the grains answers every page: many open pages cost one reading.</summary>
    public static readonly TimeSpan StateCacheFor = TimeSpan.FromMilliseconds(750);

    /// <summary>How long the applied config, the charts and the certificates are shared.</summary>
    public static readonly TimeSpan SlowCacheFor = TimeSpan.FromSeconds(5);

    /// <summary>The window of the figures shown now (Kiali's default: the last minute).</summary>
    public static readonly TimeSpan FiguresWindow = TimeSpan.FromMinutes(1);

    /// <summary>The charts' span and step.</summary>
    public static readonly TimeSpan SeriesWindow = TimeSpan.FromMinutes(15);

    public static readonly TimeSpan SeriesStep = TimeSpan.FromSeconds(10);

    /// <summary>How long a session lasts after the token was entered.</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(8);
}
