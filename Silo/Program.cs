using OrleansMesh.Silo.Dev;
using OrleansMesh.Silo.Hosting;

if (args is ["dev", .. var devArgs])
{
    return await DevMesh.RunAsync(devArgs);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddMeshSilo();

var app = builder.Build();
app.MapGet("/healthz", () => Results.Text("ok"));
await app.RunAsync();
return 0;
