using System.Text;
using OrleansMesh.Gateway.Security.Normalization;

namespace OrleansMesh.Fuzz.Targets;

/// <summary>
/// <see cref="PathNormalizer"/> on any request target: a normalised path is idempotent, rooted, and holds no empty or
/// dot segment, no escaped slash or backslash, no control character; a target <see cref="PathNormalizer.IsNormal"/>
/// calls normal is left as it is.
/// </summary>
internal sealed class PathNormalizerTarget : IFuzzTarget
{
    private static readonly string[] s_forbidden = ["//", "/./", "/../", "%2F", "%5C", "\\", "?", "#"];

    public string Name => "path";

    public void Run(ReadOnlySpan<byte> input)
    {
        var target = Encoding.UTF8.GetString(input);
        var normal = PathNormalizer.Normalize(target, out var error);
        var isNormal = PathNormalizer.IsNormal(target);
        if (normal is null)
        {
            FuzzPropertyException.Check(error is { Length: > 0 }, "a refusal without a reason");
            FuzzPropertyException.Check(!isNormal, "IsNormal accepts a target Normalize refuses");
            return;
        }

        FuzzPropertyException.Check(normal.StartsWith('/'), $"not rooted: {normal}");
        foreach (var bad in s_forbidden)
        {
            FuzzPropertyException.Check(!normal.Contains(bad, StringComparison.OrdinalIgnoreCase), $"'{bad}' in {normal}");
        }

        FuzzPropertyException.Check(!normal.EndsWith("/.", StringComparison.Ordinal) && !normal.EndsWith("/..", StringComparison.Ordinal), $"a dot segment at the end of {normal}");
        FuzzPropertyException.Check(!normal.Any(char.IsControl), $"a control character in {normal}");
        FuzzPropertyException.Check(PathNormalizer.Normalize(normal, out _) == normal, $"not idempotent: {normal}");
        if (isNormal)
        {
            var query = target.IndexOf('?', StringComparison.Ordinal);
            var path = query < 0 ? target : target[..query];
            FuzzPropertyException.Check(path == normal, $"IsNormal but normalised to {normal}");
        }
    }
}
