using System.Globalization;

namespace OrleansMesh.Deployment.Tests.Processes;

/// <summary>A demo model server process (the built <c>OrleansMesh.Samples.ModelServer</c>) on 127.0.0.1.</summary>
internal sealed class ModelServerProcess : IAsyncDisposable
{
    private ModelServerProcess(MeshProcess process, int port)
    {
        Process = process;
        Port = port;
    }

    public MeshProcess Process { get; }

    public int Port { get; }

    /// <summary>The endpoint as a ServiceEntry names it and the gateway reports it: <c>127.0.0.1:port</c>.</summary>
    public string Address => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Starts a server of <paramref name="model"/> on <paramref name="port"/> (or a free port), with the settings in
    /// <paramref name="environment"/> (e.g. <c>ModelServer__ErrorRate</c>), and waits for <c>/healthz</c>.
    /// </summary>
    public static async Task<ModelServerProcess> StartAsync(string model, string version, int? port = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var server = Launch(model, version, port, environment);
        var process = server.Process;
        var listen = server.Port;
        try
        {
            await process.WaitUntilHealthyAsync(new Uri($"http://127.0.0.1:{listen}/healthz"), TimeSpan.FromSeconds(60));
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>
    /// Starts a server without waiting for it: one in mesh TLS mode answers <c>/healthz</c> only over mutual TLS, so
    /// the caller checks it with its own client. <paramref name="environment"/> adds settings.
    /// </summary>
    public static ModelServerProcess Launch(string model, string version, int? port = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var listen = port ?? FreePorts.Next();
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{listen.ToString(CultureInfo.InvariantCulture)}",
            ["ModelServer__Name"] = model,
            ["ModelServer__Version"] = version,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        var process = MeshProcess.Start($"model-server:{listen}", RepositoryFiles.Output(System.IO.Path.Combine("Samples", "ModelServer"), "OrleansMesh.Samples.ModelServer"), settings);
        return new ModelServerProcess(process, listen);
    }

    public ValueTask DisposeAsync() => Process.DisposeAsync();
}
