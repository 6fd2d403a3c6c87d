using System.Globalization;
using OrleansMesh.Configuration;
using OrleansMesh.ControlPlane;
using OrleansMesh.Networking;
using OrleansMesh.Rollouts;
using OrleansMesh.Silo.Dashboard.Views;

namespace OrleansMesh.Silo.Dashboard.Reading;

/// <summary>
/// The config generations this silo's dashboard has seen, newest first, each with what changed from the one before
/// (resources compared as YAML). Bounded: <see cref="DashboardDefaults.HistoryLimit"/> entries and one copy of the
/// current config. The config store keeps no history, so a generation applied and replaced between two readings
/// shows as one change.
/// </summary>
internal sealed class ConfigHistory(TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly LinkedList<HistoryEntry> _entries = new();
    private Dictionary<string, string>? _current;
    private MeshVersion? _version;
    private string _yaml = "";
    private int _count;

    /// <summary>Whether <paramref name="version"/> is the one last recorded.</summary>
    public bool IsCurrent(MeshVersion version)
    {
        lock (_lock)
        {
            return _version == version;
        }
    }

    /// <summary>
    /// Records the resources of <paramref name="version"/> and the live weights Rollouts set on it (once per version:
    /// a Rollout's step is a generation without a resource change).
    /// </summary>
    public void Record(MeshVersion version, IReadOnlyCollection<MeshResource> resources, IEnumerable<LiveWeight>? liveWeights = null)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var yaml = resources.ToDictionary(r => r.Id.ToString(), r => MeshConfigWriter.ToYaml([r]), StringComparer.Ordinal);
        foreach (var weight in liveWeights ?? [])
        {
            yaml[$"live weight of rollout {weight.Rollout.Namespace}/{weight.Rollout.Name}"] =
                $"{weight.Host}: {weight.Canary} at {(weight.CanaryWeight is { } w ? w.ToString(CultureInfo.InvariantCulture) + "%" : "the written split")}";
        }

        var whole = MeshConfigWriter.ToYaml(resources.OrderBy(r => r.Id.ToString(), StringComparer.Ordinal));
        lock (_lock)
        {
            if (_version == version)
            {
                return;
            }

            List<string> changes = _current is null || _version?.Epoch != version.Epoch
                ? [$"first seen by this silo: {resources.Count} resources"]
                : Changes(_current, yaml);
            _entries.AddFirst(new HistoryEntry(version.Generation, time.GetUtcNow(), changes));
            while (_entries.Count > DashboardDefaults.HistoryLimit)
            {
                _entries.RemoveLast();
            }

            (_current, _version, _yaml, _count) = (yaml, version, whole, resources.Count);
        }
    }

    /// <summary>When this silo first saw <paramref name="generation"/>, if it saw it change live.</summary>
    public DateTimeOffset? SeenLive(long generation)
    {
        lock (_lock)
        {
            return _entries.FirstOrDefault(e => e.Generation == generation) is { } entry && !entry.Changes[0].StartsWith("first seen", StringComparison.Ordinal)
                ? entry.SeenAt
                : null;
        }
    }

    public ConfigView View()
    {
        lock (_lock)
        {
            return new ConfigView(_version?.Generation ?? 0, _count, _yaml, [.. _entries]);
        }
    }

    private static List<string> Changes(Dictionary<string, string> before, Dictionary<string, string> after)
    {
        var changes = new List<string>();
        foreach (var (id, yaml) in after.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var live = id.StartsWith("live weight", StringComparison.Ordinal);
            if (!before.TryGetValue(id, out var old))
            {
                changes.Add(live ? $"+ {id}: {yaml}" : $"+ {id}");
            }
            else if (old != yaml)
            {
                changes.Add(live ? $"~ {id}: {yaml}" : $"~ {id}");
            }
        }

        changes.AddRange(before.Keys.Where(id => !after.ContainsKey(id)).Select(id => $"- {id}").Order(StringComparer.Ordinal));
        return changes.Count == 0 ? ["no resource changed"] : changes;
    }
}
