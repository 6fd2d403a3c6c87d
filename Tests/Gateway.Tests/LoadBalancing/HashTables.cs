using OrleansMesh.Gateway.LoadBalancing;

namespace OrleansMesh.Gateway.Tests.LoadBalancing;

/// <summary>Keys, endpoint names and the measures the consistent-hash tests share.</summary>
internal static class HashTables
{
    public const int KeyCount = 10_000;

    public static readonly ulong[] s_keys = [.. Enumerable.Range(0, KeyCount).Select(i => HashKeys.Hash($"session-{i}"))];

    public static string[] EndpointKeys(int count) => [.. Enumerable.Range(1, count).Select(i => HashKeys.EndpointKey($"127.0.0.{i}", 9080))];

    /// <summary>The endpoint key each of <see cref="s_keys"/> lands on.</summary>
    public static string[] Owners(IConsistentHashTable table, string[] endpointKeys)
        => [.. s_keys.Select(k => endpointKeys[table.EndpointAt(table.Slot(k))])];

    public static double MovedFraction(string[] before, string[] after)
        => before.Zip(after).Count(p => p.First != p.Second) / (double)before.Length;

    public static int[] Counts(string[] owners, string[] endpointKeys) => [.. endpointKeys.Select(e => owners.Count(o => o == e))];
}
