namespace OrleansMesh.Silo.Dashboard;

/// <summary>
/// Cross-site request forgery defence for the dashboard's actions: a JSON body, the dashboard's own header (which a
/// form cannot send and another origin's script cannot without a CORS answer the silo never gives) and, when the
/// browser says where the request came from, the same origin.
/// </summary>
internal static class RequestGuard
{
    public static string? Refusal(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Headers[DashboardDefaults.CsrfHeader] != "1")
        {
            return $"actions need the {DashboardDefaults.CsrfHeader} header; use the dashboard page";
        }

        if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return "actions take a JSON body";
        }

        if (request.Headers["Sec-Fetch-Site"] is { Count: > 0 } site && site != "same-origin")
        {
            return "actions are accepted from the dashboard's own origin only";
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase))
        {
            return "actions are accepted from the dashboard's own origin only";
        }

        return null;
    }
}
