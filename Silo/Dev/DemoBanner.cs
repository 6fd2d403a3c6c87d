namespace OrleansMesh.Silo.Dev;

/// <summary>What the dev mesh prints once the demo is up.</summary>
internal static class DemoBanner
{
    public const string Text = """

        OrleansMesh dev mesh is up: gateway http://127.0.0.1:8080, chat-model v1 (:9001) and v2 (:9002), 90/10 canary,
        v3 (:9003) shadowing the split traffic.

          curl -s http://127.0.0.1:8080/v1/chat/completions -H 'content-type: application/json' \
               -d '{"model":"chat-model","messages":[{"role":"user","content":"hi"}]}'
          curl -s http://127.0.0.1:8080/v1/chat/completions -H 'x-canary: true' -H 'content-type: application/json' \
               -d '{"model":"chat-model","messages":[{"role":"user","content":"hi"}],"stream":true}'
          dotnet run --project Cli -- get virtualservices
          dotnet run --project Cli -- apply -f Samples/Demo/mesh-demo.yaml

        The response header x-model-version says which version answered.
        """;
}
