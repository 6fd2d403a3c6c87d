using System.Globalization;
using OrleansMesh.Configuration;
using OrleansMesh.ControlPlane;
using OrleansMesh.Deployment.Tests.Processes;

namespace OrleansMesh.Deployment.Tests.FaultTolerance;

/// <summary>
/// The scenario's config: one model host over the three model servers, a route that stamps its revision on every
/// response (<see cref="RevisionHeader"/>, so a gateway's config is visible in its traffic), no retries (so what the
/// outlier detection does is what clients see, not hidden by a retry to another endpoint), and a DestinationRule with
/// Istio's outlier detection and OrleansMesh's cluster-wide circuit breaker.
/// </summary>
internal static class FaultMeshConfig
{
    public const string Host = "chat-model";
    public const string RevisionHeader = "x-fault-rev";

    /// <summary><c>outlierDetection.consecutiveGatewayErrors</c> (and <c>consecutive5xxErrors</c>).</summary>
    public const int ConsecutiveErrors = 3;

    /// <summary>The breaker's failure rate: one dead endpoint of three (33 %) must not open it, only eject the endpoint.</summary>
    public const int FailurePercentage = 50;

    public static ApplyRequest Request(string revision, IEnumerable<int> modelPorts)
    {
        var loaded = MeshConfigLoader.Load(Yaml(revision, modelPorts), "fault-mesh.yaml");
        Assert.False(loaded.HasErrors, string.Join(Environment.NewLine, loaded.Diagnostics));
        return new ApplyRequest { Resources = loaded.Resources };
    }

    public static string Yaml(string revision, IEnumerable<int> modelPorts) => string.Create(CultureInfo.InvariantCulture, $"""
        {ModelServiceYaml.ServiceEntry(Host, modelPorts)}
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: {Host}
        spec:
          hosts:
          - {Host}
          http:
          - route:
            - destination:
                host: {Host}
            headers:
              response:
                set:
                  {RevisionHeader}: {revision}
            retries:
              attempts: 0
        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: {Host}
        spec:
          host: {Host}
          trafficPolicy:
            loadBalancer:
              simple: ROUND_ROBIN
            outlierDetection:
              consecutiveGatewayErrors: {ConsecutiveErrors}
              consecutive5xxErrors: {ConsecutiveErrors}
              interval: 1s
              baseEjectionTime: 30s
              maxEjectionPercent: 50
            x-orleansmesh:
              circuitBreaker:
                failurePercentage: {FailurePercentage}
                window: 10s
                bucket: 1s
                minimumRequests: 20
                breakDuration: 5s
                halfOpenProbes: 3
        """);
}
