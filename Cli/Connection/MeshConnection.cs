using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Messaging;
using OrleansMesh.Hosting;
using OrleansMesh.Security.Admin;

namespace OrleansMesh.Cli.Connection;

/// <summary>An Orleans client host, started on first use and stopped on dispose.</summary>
internal sealed class MeshConnection(IConfiguration configuration, TimeProvider time) : IAsyncDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(250);

    private IHost? _host;

    public async Task<IGrainFactory> ConnectAsync(CancellationToken cancellationToken)
    {
        if (_host is not null)
        {
            return _host.Services.GetRequiredService<IClusterClient>();
        }

        var (cluster, options) = ReadOptions();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton(time);
        try
        {
            // Sent with admin calls when set; silos configured with a token refuse admin calls without it.
            builder.Services.AddMeshAdminToken(configuration[AdminToken.ConfigurationKey], enforce: false);
        }
        catch (ArgumentException e)
        {
            throw new MeshCtlException(ExitCodes.ConfigError, e.Message);
        }

        // Transient failures (a silo killed moments ago, still listed) are retried within the connect timeout, both
        // while connecting and for each call once connected.
        var retry = new ConnectionRetryFilter(options.ConnectTimeout, RetryDelay, time);
        builder.UseOrleansClient(client => client
            .UseMeshClustering(cluster)
            .UseConnectionRetryFilter(retry)
            .AddOutgoingGrainCallFilter(new TransientCallRetryFilter(options.ConnectTimeout, RetryDelay, time)));
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var message = await UnreachableMeshReport.DescribeAsync(cluster, host.Services.GetService<IGatewayListProvider>(), options.ConnectTimeout, retry.LastFailure ?? e);
            host.Dispose();
            throw new MeshCtlException(ExitCodes.Unreachable, message);
        }

        _host = host;
        return host.Services.GetRequiredService<IClusterClient>();
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }
    }

    // Problems are config errors (exit code 1), told apart from an unreachable mesh (exit code 2).
    private (MeshClusterOptions Cluster, MeshConnectionOptions Connection) ReadOptions()
    {
        MeshClusterOptions cluster;
        MeshConnectionOptions options;
        try
        {
            cluster = configuration.GetMeshClusterOptions();
            options = configuration.GetSection(MeshClusterOptions.SectionName).Get<MeshConnectionOptions>() ?? new();
        }
        catch (OptionsValidationException e)
        {
            throw new MeshCtlException(ExitCodes.ConfigError, e.Message);
        }
        catch (InvalidOperationException e)
        {
            throw new MeshCtlException(ExitCodes.ConfigError, $"invalid OrleansMesh__ setting: {e.Message}");
        }

        var problem = options.Validate();
        return problem is null ? (cluster, options) : throw new MeshCtlException(ExitCodes.ConfigError, problem);
    }
}
