using OrleansMesh.Silo.Dashboard;
using OrleansMesh.Silo.Dev;
using OrleansMesh.Silo.Hosting;

if (args is ["dev", .. var devArgs])
{
    return await DevMesh.RunAsync(devArgs);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddMeshSilo();
builder.AddMeshSiloHealth();
builder.Services.AddMeshDashboard(builder.Configuration);

var app = builder.Build();
app.UseMeshDashboard();
app.MapMeshSiloHealth();
await app.RunAsync();
return 0;
