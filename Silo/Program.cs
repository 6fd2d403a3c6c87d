using OrleansMesh.Silo.Dev;
using OrleansMesh.Silo.Hosting;

if (args is ["dev", .. var devArgs])
{
    return await DevMesh.RunAsync(devArgs);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddMeshSilo();
builder.AddMeshSiloHealth();

var app = builder.Build();
app.MapMeshSiloHealth();
await app.RunAsync();
return 0;
