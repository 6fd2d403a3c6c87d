using OrleansMesh.Gateway.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddMeshClusterClient();
builder.AddMeshGateway();
builder.AddMeshGatewayAdmin();

var app = builder.Build();
app.MapMeshGatewayAdmin();
app.MapMeshGateway();
await app.RunAsync();
