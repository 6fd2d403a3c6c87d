using System.ComponentModel.DataAnnotations;

namespace OrleansMesh.Gateway.Model;

/// <summary>Settings of a gateway, from the <c>OrleansMesh:Gateway</c> section (env: <c>OrleansMesh__Gateway__…</c>).</summary>
internal sealed class MeshGatewayOptions
{
    public const string SectionName = "OrleansMesh:Gateway";

    /// <summary>The listen address when neither <c>--urls</c> nor <c>ASPNETCORE_URLS</c> is given.</summary>
    public const string DefaultUrl = "http://127.0.0.1:8080";

    /// <summary>The gateway's namespace when none is set: <c>istio-system</c>, where Istio runs its ingress gateway.</summary>
    public const string DefaultNamespace = "istio-system";

    /// <summary>
    /// This gateway's workload labels, matched by Istio Gateway resources' <c>selector</c>.
    /// Default: <c>istio: ingressgateway</c>, so manifests written for Istio's ingress gateway (Bookinfo's) bind to it.
    /// </summary>
    public Dictionary<string, string> Labels { get; set; } = new(StringComparer.Ordinal) { ["istio"] = "ingressgateway" };

    /// <summary>
    /// This gateway's namespace as a workload (env <c>OrleansMesh__Gateway__Namespace</c>): the RequestAuthentications and
    /// AuthorizationPolicies checked before routing are those of the root namespace (<c>istio-system</c>) and of this
    /// namespace, for every workload or selecting <see cref="Labels"/>. Default: <see cref="DefaultNamespace"/>, so only
    /// the root namespace's apply before routing; a policy of another namespace applies at that namespace's endpoints.
    /// A DNS-1123 label, as a Kubernetes namespace.
    /// </summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "OrleansMesh:Gateway:Namespace is required: the gateway's namespace, e.g. istio-system.")]
    [StringLength(63, ErrorMessage = "OrleansMesh:Gateway:Namespace must be at most 63 characters (a Kubernetes namespace name).")]
    [RegularExpression("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", ErrorMessage = "OrleansMesh:Gateway:Namespace must be a DNS-1123 label: lowercase letters, digits and '-', starting and ending with a letter or digit, e.g. istio-system.")]
    public string Namespace { get; set; } = DefaultNamespace;

    /// <summary>Time allowed to open an upstream connection. Default: 10 s, Istio's <c>connectTimeout</c> default.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an idle pooled upstream connection is kept. Default: 90 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan UpstreamIdleTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>
    /// How often the gateway renews its subscription and checks its generation against the control plane.
    /// Default: 1 s. Subscriptions live in the config grain's memory: after the silo holding it dies, its new
    /// activation pushes only to gateways that have renewed since, so this bounds how long a change applied right
    /// after a silo loss takes to reach every gateway. A renewal is one small call. At most 30 s: the control plane
    /// forgets a subscription not renewed within a minute.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:30")]
    public TimeSpan RenewInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Largest request body (by Content-Length) buffered so that a retry can send it again. Default: 64 KiB.
    /// A larger or chunked body is streamed once: it is retried only if no attempt has started sending it.
    /// 0 buffers nothing.
    /// </summary>
    [Range(0, 16 * 1024 * 1024)]
    public int RetryBufferLimit { get; set; } = 64 * 1024;

    /// <summary>
    /// How long a subscribe or snapshot call to the control plane may take before the gateway gives up on it and
    /// tries again (so a silo killed mid-call costs this, not Orleans' 30 s response timeout). Default: 2 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan ControlPlaneTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a subscription renewal may go unanswered before the gateway sends another beside it (the first one
    /// that answers wins; <see cref="ControlPlaneTimeout"/> bounds them all). A renewal sent to the config grain on a
    /// silo that was just killed never answers, one sent once the silo is declared dead reaches the grain's new
    /// activation. Default: 250 ms.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan ControlPlaneHedgeDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Longest wait between attempts to reach an unreachable control plane; the wait ends early when the gateway's
    /// Orleans client connects to a silo. Default: 10 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(10);
}
