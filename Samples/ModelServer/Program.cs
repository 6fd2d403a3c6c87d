using Microsoft.Extensions.Options;
using OrleansMesh.Hosting;
using OrleansMesh.Samples.ModelServer.Hosting;
using OrleansMesh.Samples.ModelServer.Security;

namespace OrleansMesh.Samples.ModelServer;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (ModelServerCommandLine.WantsHelp(args))
        {
            Console.WriteLine(ModelServerCommandLine.Usage);
            return 0;
        }

        try
        {
            var configuration = ModelServerCommandLine.BuildConfiguration(args);
            var options = ModelServerCommandLine.ReadOptions(configuration);
            var otlp = Environment.GetEnvironmentVariable(ModelServerTracing.EndpointVariable);
            await ModelServerApp.Create(
                options,
                services =>
                {
                    ModelServerApp.AddConsoleLogging(services.AddModelServerTracing(otlp, options));

                    // Mesh TLS needs a certificate of the mesh CA: this process asks for it itself, as a gateway does
                    // (and in Mesh mode reads the mesh's PeerAuthentication from the same cluster).
                    if (options.MeshTls != MeshTlsMode.Off)
                    {
                        services.AddMeshServerIdentity(configuration.GetMeshClusterOptions(), options);
                    }
                },
                ModelServerCommandLine.ReadUrls(configuration)).RunAsync();
            return 0;
        }
        catch (OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync("Invalid model server settings:\n  " + string.Join("\n  ", ex.Failures));
            return 2;
        }
    }
}
