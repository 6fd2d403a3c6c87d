// Plain YARP with static config: the baseline the mesh gateway (YARP's forwarder plus mesh routing) is compared to.
// Listen with --urls http://127.0.0.1:PORT; point it elsewhere with --ReverseProxy:Clusters:backend:Destinations:d1:Address=URL.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));

var app = builder.Build();
app.MapReverseProxy();
await app.RunAsync();
