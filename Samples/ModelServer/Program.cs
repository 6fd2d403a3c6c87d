using Microsoft.Extensions.Options;
using OrleansMesh.Samples.ModelServer.Hosting;

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
                services => ModelServerApp.AddConsoleLogging(services.AddModelServerTracing(otlp, options)),
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
