using System.Reflection;

namespace OrleansMesh.Gateway.Tests.Architecture;

/// <summary>
/// Which folders of the gateway (namespaces under <c>OrleansMesh.Gateway</c>, by their first segment) use which, with
/// one type-to-type reference as the example of each dependency.
/// </summary>
internal sealed class FolderGraph
{
    private const string Root = "OrleansMesh.Gateway.";

    private FolderGraph(Dictionary<string, Dictionary<string, string>> edges) => Edges = edges;

    /// <summary>Folder → folders it uses → an example reference (<c>A.Type → B.Type</c>).</summary>
    public Dictionary<string, Dictionary<string, string>> Edges { get; }

    public static FolderGraph Of(Assembly assembly)
    {
        var edges = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var type in assembly.GetTypes().Where(t => t.DeclaringType is null))
        {
            if (FolderOf(type) is not { } from)
            {
                continue;
            }

            foreach (var used in TypeReferences.Of(type))
            {
                if (FolderOf(used) is { } to && to != from)
                {
                    var targets = edges.TryGetValue(from, out var existing) ? existing : edges[from] = new(StringComparer.Ordinal);
                    targets.TryAdd(to, $"{type.FullName} → {used.FullName}");
                }
            }
        }

        return new FolderGraph(edges);
    }

    public static string? FolderOf(Type type)
    {
        var ns = TypeReferences.Outermost(type).Namespace;
        if (ns is null || !ns.StartsWith(Root, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = ns[Root.Length..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }

    /// <summary>The groups of folders that use each other, directly or through others (Tarjan's strongly connected components).</summary>
    public IReadOnlyList<string[]> Cycles()
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var cycles = new List<string[]>();
        var nodes = Edges.Keys.Concat(Edges.Values.SelectMany(v => v.Keys)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        foreach (var node in nodes)
        {
            if (!index.ContainsKey(node))
            {
                Visit(node);
            }
        }

        return cycles;

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in Edges.TryGetValue(node, out var targets) ? targets.Keys.ToArray() : [])
            {
                if (!index.ContainsKey(next))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (onStack.Contains(next))
                {
                    low[node] = Math.Min(low[node], index[next]);
                }
            }

            if (low[node] == index[node])
            {
                var group = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    group.Add(member);
                }
                while (member != node);

                if (group.Count > 1)
                {
                    cycles.Add([.. group.Order(StringComparer.Ordinal)]);
                }
            }
        }
    }

    /// <summary>The references between the folders of <paramref name="group"/>, one line each.</summary>
    public IEnumerable<string> Within(string[] group) =>
        group.SelectMany(from => Edges.TryGetValue(from, out var targets)
            ? targets.Where(t => group.Contains(t.Key)).Select(t => $"{from} → {t.Key}: {t.Value}")
            : []);
}
