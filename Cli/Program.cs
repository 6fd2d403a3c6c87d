using Microsoft.Extensions.Configuration;
using OrleansMesh.Cli;
using OrleansMesh.Cli.Connection;

var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
await using var connection = new MeshConnection(configuration, TimeProvider.System);
return await MeshCtl.RunAsync(args, connection.ConnectAsync, Console.In, Console.Out, Console.Error);
