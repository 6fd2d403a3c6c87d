using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OrleansMesh.Silo.Dashboard;

namespace OrleansMesh.Dashboard.Tests.Dashboard;

public sealed class DashboardExtensionsTests
{
    [Fact]
    public async Task UseMeshDashboard_Disabled_NotServed()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["OrleansMesh:Dashboard:Enabled"] = "false";
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddMeshDashboard(builder.Configuration);
        await using var app = builder.Build();
        app.UseMeshDashboard();
        app.Run(context =>
        {
            context.Response.StatusCode = StatusCodes.Status418ImATeapot;
            return Task.CompletedTask;
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        using var http = new HttpClient();

        using var response = await http.GetAsync($"{address}/dashboard/");

        Assert.Equal(StatusCodes.Status418ImATeapot, (int)response.StatusCode);
    }
}
