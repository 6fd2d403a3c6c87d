using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace OrleansMesh.Gateway.Model;

/// <summary>
/// Keeps compiled regexes across config snapshots. Building a linear-time (non-backtracking) regex costs about a
/// millisecond and a megabyte, so a push that changes one route must not rebuild every regex of the mesh.
/// Snapshots are compiled one at a time: <see cref="BeginCompile"/> before each, and <see cref="RetainUsed"/> once the
/// snapshot is served drops the patterns it no longer uses (after a failed compile nothing is dropped).
/// </summary>
internal sealed class RegexCache
{
    // RE2-like: linear time in the input whatever the pattern, so no request can make a route's regex backtrack.
    private const RegexOptions Options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;

    private readonly ConcurrentDictionary<string, Regex> _regexes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _used = new(StringComparer.Ordinal);

    public int Count => _regexes.Count;

    public Regex Get(string pattern)
    {
        _used.TryAdd(pattern, 0);
        return _regexes.GetOrAdd(pattern, static p => Create(p));
    }

    /// <summary>Starts counting the patterns a compile asks for (forgetting what an abandoned compile asked for).</summary>
    public void BeginCompile() => _used.Clear();

    /// <summary>Forgets the regexes not asked for since the last call (or <see cref="BeginCompile"/>).</summary>
    public void RetainUsed()
    {
        foreach (var pattern in _regexes.Keys)
        {
            if (!_used.ContainsKey(pattern))
            {
                _regexes.TryRemove(pattern, out _);
            }
        }

        _used.Clear();
    }

    public static Regex Create(string pattern) => new(pattern, Options);
}
