using k8s;
using k8s.Models;

namespace OrleansMesh.Deployment.Tests.Manifests;

/// <summary>Every object of every file <c>k8s/kustomization.yaml</c> lists, parsed with KubernetesClient's YAML loader.</summary>
internal static class KubernetesManifests
{
    private static readonly Lazy<IReadOnlyList<object>> Objects = new(Load);

    public static IReadOnlyList<string> Files { get; } = ListedFiles();

    public static IReadOnlyList<object> All => Objects.Value;

    public static IEnumerable<T> OfType<T>() => All.OfType<T>();

    public static T Named<T>(string name)
        where T : IKubernetesObject<V1ObjectMeta> =>
        All.OfType<T>().SingleOrDefault(o => o.Metadata.Name == name)
        ?? throw new InvalidOperationException($"no {typeof(T).Name} named {name} in k8s/");

    /// <summary>Every workload's pod template, by workload kind/name.</summary>
    public static IEnumerable<(string Workload, V1PodTemplateSpec Template, V1LabelSelector? Selector)> PodTemplates() =>
        All.Select(o => o switch
        {
            V1Deployment d => ($"Deployment/{d.Metadata.Name}", d.Spec.Template, d.Spec.Selector),
            V1StatefulSet s => ($"StatefulSet/{s.Metadata.Name}", s.Spec.Template, s.Spec.Selector),
            V1Job j => ($"Job/{j.Metadata.Name}", j.Spec.Template, (V1LabelSelector?)null),
            _ => default,
        }).Where(t => t.Item1 is not null)!;

    public static IEnumerable<(string Workload, V1Container Container)> Containers() =>
        PodTemplates().SelectMany(t => t.Template.Spec.Containers.Select(c => (t.Workload, c)));

    public static V1Container Container(V1Deployment deployment) => Assert.Single(deployment.Spec.Template.Spec.Containers);

    public static string Env(V1Container container, string name) =>
        container.Env.SingleOrDefault(e => e.Name == name)?.Value ?? throw new InvalidOperationException($"{container.Name} has no literal env {name}");

    public static string? FieldRef(V1Container container, string name) =>
        container.Env.SingleOrDefault(e => e.Name == name)?.ValueFrom?.FieldRef?.FieldPath;

    /// <summary>The container port a probe or Service names, by name or number.</summary>
    public static int? ResolvePort(V1Container container, IntOrString port) =>
        int.TryParse(port.Value, out var number)
            ? container.Ports?.Any(p => p.ContainerPort == number) == true ? number : null
            : container.Ports?.SingleOrDefault(p => p.Name == port.Value)?.ContainerPort;

    public static bool Selects(IDictionary<string, string> selector, IDictionary<string, string>? labels) =>
        labels is not null && selector.All(s => labels.TryGetValue(s.Key, out var value) && value == s.Value);

    private static IReadOnlyList<string> ListedFiles()
    {
        var kustomization = KubernetesYaml.Deserialize<Dictionary<string, object>>(RepositoryFiles.Read("k8s", "kustomization.yaml"));
        return [.. ((IEnumerable<object>)kustomization["resources"]).Select(r => r.ToString()!)];
    }

    private static IReadOnlyList<object> Load() =>
        [.. Files.SelectMany(f => KubernetesYaml.LoadAllFromString(RepositoryFiles.Read("k8s", f)))];
}
