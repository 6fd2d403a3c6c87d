using System.Collections.Immutable;
using System.Globalization;
using OrleansMesh.Networking;

namespace OrleansMesh.Configuration;

/// <summary>Istio's single-resource rules for a VirtualService.</summary>
internal static class VirtualServiceRules
{
    public static void Check(ValidationSink sink, VirtualServiceSpec spec)
    {
        // No hosts: a delegate (Istio's ValidateVirtualService, pkg/config/validation/validation.go), whose rules only
        // apply through a root VirtualService's route.
        var isDelegate = spec.Hosts.IsDefaultOrEmpty;
        if (isDelegate && !spec.Gateways.IsDefaultOrEmpty)
        {
            sink.Error("spec.gateways", "delegate virtual service must have no gateways specified");
        }

        for (var i = 0; i < spec.Hosts.Length; i++)
        {
            CommonRules.Host(sink, $"spec.hosts[{i}]", spec.Hosts[i], wildcard: true);
        }

        for (var i = 0; i < spec.Http.Length; i++)
        {
            Route(sink, $"spec.http[{i}]", spec.Http[i], isDelegate);
        }
    }

    private static void Route(ValidationSink sink, string path, HttpRoute route, bool inDelegate)
    {
        var forwards = !route.Route.IsDefaultOrEmpty;
        if (route.Delegate is not null)
        {
            // Istio's validateHTTPRouteConflict (pkg/config/validation/virtualservice.go) for root and delegate routes.
            Delegate(sink, path, route, inDelegate);
        }
        else if (!forwards && route.Redirect is null && route.DirectResponse is null)
        {
            sink.Error(path, "one of route, redirect or directResponse is required");
        }

        if (forwards && route.Redirect is not null)
        {
            sink.Error(path + ".redirect", "redirect and route cannot both be set");
        }

        if (forwards && route.DirectResponse is not null)
        {
            sink.Error(path + ".directResponse", "directResponse and route cannot both be set");
        }

        if (route.Redirect is not null && route.DirectResponse is not null)
        {
            sink.Error(path + ".directResponse", "directResponse and redirect cannot both be set");
        }

        for (var i = 0; i < route.Match.Length; i++)
        {
            Match(sink, $"{path}.match[{i}]", route.Match[i]);
        }

        Destinations(sink, path + ".route", route.Route);
        MeshExtensionRules.Route(sink, path, route.Mesh);
        Redirect(sink, path + ".redirect", route.Redirect);
        if (route.DirectResponse is { Status: < 200 or > 599 } direct)
        {
            sink.Error(path + ".directResponse.status", $"status must be between 200 and 599, got {direct.Status}");
        }

        Rewrite(sink, path + ".rewrite", route);
        CommonRules.NotNegative(sink, path + ".timeout", route.Timeout);
        Retries(sink, path + ".retries", route.Retries);
        Fault(sink, path + ".fault", route.Fault);
        if (route.Mirror is not null)
        {
            Destination(sink, path + ".mirror", route.Mirror);
            if (!route.Mirrors.IsDefaultOrEmpty)
            {
                sink.Error(path + ".mirrors", "mirror and mirrors cannot both be set");
            }
        }

        CommonRules.Percentage(sink, path + ".mirrorPercentage", route.MirrorPercentage);
        for (var i = 0; i < route.Mirrors.Length; i++)
        {
            Destination(sink, $"{path}.mirrors[{i}].destination", route.Mirrors[i].Destination);
            CommonRules.Percentage(sink, $"{path}.mirrors[{i}].percentage", route.Mirrors[i].Percentage);
        }

        if (route.CorsPolicy is { } cors)
        {
            for (var i = 0; i < cors.AllowOrigins.Length; i++)
            {
                CommonRules.Match(sink, $"{path}.corsPolicy.allowOrigins[{i}]", cors.AllowOrigins[i]);
            }

            CommonRules.NotNegative(sink, path + ".corsPolicy.maxAge", cors.MaxAge);
        }
    }

    private static void Delegate(ValidationSink sink, string path, HttpRoute route, bool inDelegate)
    {
        if (inDelegate)
        {
            sink.Error(path + ".delegate", "delegate HTTP route cannot contain delegate");
            return;
        }

        var name = route.Name is null ? "" : $" {route.Name}";
        if (!route.Route.IsDefaultOrEmpty)
        {
            sink.Error(path + ".route", $"root HTTP route{name} must not specify route");
        }

        if (route.Redirect is not null)
        {
            sink.Error(path + ".redirect", $"root HTTP route{name} must not specify redirect");
        }
    }

    private static void Match(ValidationSink sink, string path, HttpMatchRequest match)
    {
        CommonRules.Match(sink, path + ".uri", match.Uri);
        CommonRules.Match(sink, path + ".scheme", match.Scheme);
        CommonRules.Match(sink, path + ".method", match.Method);
        CommonRules.Match(sink, path + ".authority", match.Authority);
        foreach (var (field, matches) in new[] { ("headers", match.Headers), ("queryParams", match.QueryParams), ("withoutHeaders", match.WithoutHeaders) })
        {
            foreach (var (name, value) in matches)
            {
                CommonRules.Match(sink, FieldPath.Field($"{path}.{field}", name), value);
            }
        }

        CommonRules.Port(sink, path + ".port", match.Port);
    }

    // Istio's validateHTTPRouteDestinations/validateWeight (pkg/config/validation/validation.go): since
    // istio/istio#39544 weights are relative (each >= 0, a destination gets w / Σw), and only several destinations
    // with no weight at all are refused. A lone destination takes all traffic whatever its weight.
    private static void Destinations(ValidationSink sink, string path, ImmutableArray<HttpRouteDestination> route)
    {
        var sum = 0L;
        for (var i = 0; i < route.Length; i++)
        {
            Destination(sink, $"{path}[{i}].destination", route[i].Destination);
            if (route[i].Weight < 0)
            {
                sink.Error($"{path}[{i}].weight", $"weight {route[i].Weight} < 0");
            }

            sum += Math.Max(0, route[i].Weight ?? 0);
        }

        if (route.Length > 1 && sum == 0)
        {
            sink.Error(path, "total destination weight = 0");
        }
        else if (sum > int.MaxValue)
        {
            // Istio sums in an int32 and would wrap; refuse rather than route on an overflowed total.
            sink.Error(path, $"total destination weight {sum} exceeds {int.MaxValue}");
        }
    }

    /// <summary>A destination of a route, mirror or fallback: a host, and a valid subset name and port if given.</summary>
    internal static void Destination(ValidationSink sink, string path, Destination destination)
    {
        if (destination.Host.Length == 0)
        {
            sink.Error(path + ".host", "destination host is required");
        }
        else if (destination.Host == "*")
        {
            // Istio's validateDestination: a wildcard names the ServiceEntry host it equals, "*" names none.
            sink.Error(path + ".host", "invalid destination host *");
        }
        else if (!CommonRules.IsHost(destination.Host, wildcard: true))
        {
            sink.Error(path + ".host", $"invalid host '{destination.Host}': expected a DNS name or a wildcard ('*.suffix')");
        }

        if (destination.Subset is { } subset && !CommonRules.IsDns1123Label(subset))
        {
            sink.Error(path + ".subset", $"invalid subset name '{subset}': must be a DNS-1123 label");
        }

        CommonRules.Port(sink, path + ".port.number", destination.Port);
    }

    private static void Redirect(ValidationSink sink, string path, HttpRedirect? redirect)
    {
        if (redirect is null)
        {
            return;
        }

        if (redirect.RedirectCode is < 300 or > 399)
        {
            sink.Error(path + ".redirectCode", $"redirectCode must be a 3xx status, got {redirect.RedirectCode}");
        }

        CommonRules.Port(sink, path + ".port", redirect.Port);
        if (redirect.Port is not null && redirect.DerivePort is not null)
        {
            sink.Error(path + ".derivePort", "port and derivePort cannot both be set");
        }
    }

    private static void Rewrite(ValidationSink sink, string path, HttpRoute route)
    {
        if (route.Rewrite is not { } rewrite)
        {
            return;
        }

        if (route.Redirect is not null)
        {
            sink.Error(path, "rewrite and redirect cannot both be set");
        }

        if (rewrite.Uri is { Length: > 0 } uri && !uri.StartsWith('/'))
        {
            sink.Error(path + ".uri", $"'{uri}' must start with '/': it replaces the start of the request path");
        }

        // It becomes the upstream request's Host header as written: a value that is no host[:port] could never work.
        if (rewrite.Authority is { Length: > 0 } authority && !IsAuthority(authority))
        {
            sink.Error(path + ".authority", $"'{authority}' is not a valid authority: expected a host name or IP address, optionally with ':port'");
        }

        if (rewrite.UriRegexRewrite is { } regex)
        {
            if (rewrite.Uri is not null)
            {
                sink.Error(path + ".uriRegexRewrite", "uri and uriRegexRewrite cannot both be set");
            }

            CommonRules.Regex(sink, path + ".uriRegexRewrite.match", regex.Match, anchored: false);
        }
    }

    private static bool IsAuthority(string authority)
    {
        var colon = authority.LastIndexOf(':');
        var host = authority;
        if (colon > 0 && authority.IndexOf(']', colon) < 0)
        {
            if (!ushort.TryParse(authority.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port == 0)
            {
                return false;
            }

            host = authority[..colon];
        }

        return Uri.CheckHostName(host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host) != UriHostNameType.Unknown;
    }

    private static void Retries(ValidationSink sink, string path, HttpRetry? retries)
    {
        if (retries is null)
        {
            return;
        }

        CommonRules.NonNegative(sink, path + ".attempts", retries.Attempts);
        CommonRules.Positive(sink, path + ".perTryTimeout", retries.PerTryTimeout);
        if (retries.RetryOn is { } retryOn)
        {
            foreach (var condition in retryOn.Split(',', StringSplitOptions.TrimEntries))
            {
                if (!RetryConditions.IsValid(condition))
                {
                    sink.Error(path + ".retryOn", $"invalid retryOn condition '{condition}'; expected {RetryConditions.Description}");
                }
            }
        }
    }

    private static void Fault(ValidationSink sink, string path, HttpFaultInjection? fault)
    {
        if (fault is null)
        {
            return;
        }

        if (fault.Delay is null && fault.Abort is null)
        {
            sink.Error(path, "fault needs delay or abort");
        }

        if (fault.Delay is { } delay)
        {
            CommonRules.Positive(sink, path + ".delay.fixedDelay", delay.FixedDelay);
            CommonRules.Percentage(sink, path + ".delay.percentage", delay.Percentage);
        }

        if (fault.Abort is { } abort)
        {
            if (abort.HttpStatus is < 200 or > 599)
            {
                sink.Error(path + ".abort.httpStatus", $"httpStatus must be between 200 and 599, got {abort.HttpStatus}");
            }

            CommonRules.Percentage(sink, path + ".abort.percentage", abort.Percentage);
        }
    }
}
