namespace OrleansMesh.Silo.Dev;

/// <summary>What the dev mesh prints once it is up: its listeners, and with the demo what to curl.</summary>
internal static class DemoBanner
{
    public static string Listeners(DevMeshListeners listeners)
    {
        ArgumentNullException.ThrowIfNull(listeners);
        return $"""

            OrleansMesh dev mesh is up:
              dashboard      {listeners.Dashboard}
              gateway        {listeners.Proxy}
              gateway admin  {listeners.Admin}  (/healthz/live, /healthz/ready, /metrics)
              silo           {listeners.Silo}  (/healthz, /metrics)
            """;
    }

    public static string Demo(DevMeshListeners listeners)
    {
        ArgumentNullException.ThrowIfNull(listeners);
        return $$"""

            Demo: chat-model v1 (:9001) and v2 (:9002), 90/10 canary, v3 (:9003) shadowing the split traffic.
            A Rollout releases v2 by itself as traffic flows (start with --demo-traffic for a steady stream):
              dotnet run --project Cli -- rollout status chat-model

              curl -s {{listeners.Proxy}}/v1/chat/completions -H 'content-type: application/json' \
                   -d '{"model":"chat-model","messages":[{"role":"user","content":"hi"}]}'
              curl -s {{listeners.Proxy}}/v1/chat/completions -H 'x-canary: true' -H 'content-type: application/json' \
                   -d '{"model":"chat-model","messages":[{"role":"user","content":"hi"}],"stream":true}'
              curl -s {{listeners.Admin}}/metrics | grep istio_requests_total
              dotnet run --project Cli -- get virtualservices
              dotnet run --project Cli -- apply -f Samples/Demo/mesh-demo.yaml

            The response header x-model-version says which version answered.
            """;
    }
}
