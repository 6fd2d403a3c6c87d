using System.Net.WebSockets;
using System.Text;
using OrleansMesh.Integration.Tests.Infrastructure;

namespace OrleansMesh.Integration.Tests.Routing;

/// <summary>A WebSocket upgrade goes through the gateway to the chosen endpoint, and frames flow both ways.</summary>
public sealed class WebSocketPassThroughTests : IAsyncLifetime
{
    private readonly MeshCluster _mesh = new(silos: 1);
    private WebApplication _echo = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        await _mesh.StartAsync();
        _echo = StartEchoServer();
        await _echo.StartAsync();
        await _mesh.ApplyAsync($$"""
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata:
              name: ws-echo
            spec:
              hosts: [ws-echo]
              ports: [{number: 80, name: http, protocol: HTTP}]
              resolution: STATIC
              endpoints:
              - address: 127.0.0.1
                ports: {http: {{new Uri(_echo.Urls.Single()).Port}}}
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: everything
            spec:
              hosts: ["*"]
              http:
              - match:
                - uri: {prefix: /ws}
                route:
                - destination: {host: ws-echo}
            """);
        _gateway = await GatewayHost.StartAsync(_mesh.Grains);
    }

    [Fact]
    public async Task WebSocket_ThroughGateway_EchoesFramesFromTheUpstream()
    {
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri($"ws://{_gateway.Address.Authority}/ws"), CancellationToken.None);

        var received = new List<string>();
        foreach (var message in new[] { "first", "second" })
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
            var buffer = new byte[256];
            var result = await socket.ReceiveAsync(buffer, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
            received.Add(Encoding.UTF8.GetString(buffer, 0, result.Count));
        }

        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        Assert.Equal(["echo: first", "echo: second"], received);
    }

    private static WebApplication StartEchoServer()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.UseWebSockets();
        app.Map("/ws", async context =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var buffer = new byte[256];
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, context.RequestAborted);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, context.RequestAborted);
                    return;
                }

                var reply = Encoding.UTF8.GetBytes("echo: " + Encoding.UTF8.GetString(buffer, 0, result.Count));
                await socket.SendAsync(reply, WebSocketMessageType.Text, endOfMessage: true, context.RequestAborted);
            }
        });
        return app;
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _echo.DisposeAsync();
        await _mesh.DisposeAsync();
    }
}
