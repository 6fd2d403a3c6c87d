using System.Text;

namespace OrleansMesh.Gateway.Security.Normalization;

/// <summary>
/// Istio's <c>DECODE_AND_MERGE_SLASHES</c> path normalisation, on the raw request target: percent-encoded
/// unreserved characters, <c>%2F</c> and <c>%5C</c> are decoded (other escapes kept, upper-cased), backslashes become
/// slashes, runs of slashes merge and <c>.</c>/<c>..</c> segments are removed (never above the root). Routing and
/// authorization both see the result, so no encoding trick reaches a path a policy covers under another spelling
/// (Envoy's CVE-2019-9901, CVE-2021-29492). A target that cannot be normalised safely (bad or control-character
/// escapes, a fragment, raw control characters) is refused.
/// </summary>
internal static class PathNormalizer
{
    /// <summary>The normalised path (without the query), or null with <paramref name="error"/> set.</summary>
    public static string? Normalize(string rawTarget, out string? error)
    {
        error = null;
        var path = PathOf(rawTarget);
        if (path is null)
        {
            error = "the request target is not a path";
            return null;
        }

        var decoded = Decode(path, out error);
        return decoded is null ? null : RemoveDotSegments(decoded);
    }

    /// <summary>
    /// Whether the raw target's path is already what <see cref="Normalize"/> makes of it, as nearly every request's is:
    /// no escape, backslash, fragment or control character, no empty segment but a trailing one, no dot segment.
    /// Kestrel's decoded path then is that same path, so it need not be replaced.
    /// </summary>
    public static bool IsNormal(string rawTarget)
    {
        var query = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? rawTarget.AsSpan() : rawTarget.AsSpan(0, query);
        if (path.IsEmpty || path[0] != '/')
        {
            return false;
        }

        var segmentStart = 1;
        for (var i = 1; i <= path.Length; i++)
        {
            if (i < path.Length)
            {
                var c = path[i];
                if (c is '%' or '\\' or '#' || char.IsControl(c))
                {
                    return false;
                }

                if (c != '/')
                {
                    continue;
                }
            }

            var segment = path[segmentStart..i];
            if (segment.IsEmpty ? i < path.Length : segment is "." or "..")
            {
                return false;
            }

            segmentStart = i + 1;
        }

        return true;
    }

    private static string? PathOf(string rawTarget)
    {
        var query = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var target = query < 0 ? rawTarget : rawTarget[..query];
        if (target.StartsWith('/'))
        {
            return target;
        }

        // Absolute form (http://host/path), as a proxy may be sent.
        var scheme = target.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0)
        {
            var slash = target.IndexOf('/', scheme + 3);
            return slash < 0 ? "/" : target[slash..];
        }

        return null;
    }

    private static string? Decode(string path, out string? error)
    {
        error = null;
        var builder = new StringBuilder(path.Length);
        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (c == '#')
            {
                error = "the request target has a fragment";
                return null;
            }

            if (char.IsControl(c))
            {
                error = "the path has a control character";
                return null;
            }

            if (c != '%')
            {
                builder.Append(c == '\\' ? '/' : c);
                continue;
            }

            if (i + 2 >= path.Length || !char.IsAsciiHexDigit(path[i + 1]) || !char.IsAsciiHexDigit(path[i + 2]))
            {
                error = "the path has an invalid percent-encoding";
                return null;
            }

            var value = (char)Convert.ToByte(path.Substring(i + 1, 2), 16);
            i += 2;
            if (char.IsControl(value))
            {
                error = "the path has an encoded control character";
                return null;
            }

            if (value is '/' or '\\')
            {
                builder.Append('/');
            }
            else if (char.IsAsciiLetterOrDigit(value) || value is '-' or '.' or '_' or '~')
            {
                builder.Append(value);
            }
            else
            {
                builder.Append('%').Append(((int)value).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static string RemoveDotSegments(string path)
    {
        var segments = new List<string>();
        var parts = path.Split('/');
        var trailing = false;
        for (var i = 1; i < parts.Length; i++)
        {
            var part = parts[i];
            var last = i == parts.Length - 1;
            switch (part)
            {
                case "":
                    trailing = last;
                    break;
                case ".":
                    trailing = last;
                    break;
                case "..":
                    if (segments.Count > 0)
                    {
                        segments.RemoveAt(segments.Count - 1);
                    }

                    trailing = last;
                    break;
                default:
                    segments.Add(part);
                    trailing = false;
                    break;
            }
        }

        var result = "/" + string.Join('/', segments);
        return trailing && segments.Count > 0 ? result + "/" : result;
    }
}
