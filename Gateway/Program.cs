using OrleansMesh.Gateway.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddMeshClusterClient();
builder.AddMeshGateway();

var app = builder.Build();
app.MapMeshGateway();
await app.RunAsync();
