using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace OrleansMesh.Gateway.Framing;

/// <summary>Wires the HTTP/1.x framing check into the gateway's Kestrel endpoints and request path.</summary>
internal static class FramingServiceCollectionExtensions
{
    public static WebApplicationBuilder AddMeshRequestFraming(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RequestFramingOptions>().BindConfiguration(RequestFramingOptions.SectionName);
        builder.Services.AddSingleton<FramingMetrics>();
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<RequestFramingOptions>>((kestrel, framing) =>
        {
            if (!framing.Value.Strict)
            {
                return;
            }

            // Kestrel refuses a longer request line or header section itself (414, 431); this bound only stops an
            // unfinished head from being held forever.
            var maxHeadBytes = kestrel.Limits.MaxRequestLineSize + kestrel.Limits.MaxRequestHeadersTotalSize + 4;
            kestrel.ConfigureEndpointDefaults(listen => listen.Use(next =>
            {
                var services = listen.ApplicationServices;
                var middleware = new FramingConnectionMiddleware(
                    next, maxHeadBytes, services.GetRequiredService<FramingMetrics>(), services.GetRequiredService<ILogger<FramingConnectionMiddleware>>());
                return middleware.OnConnectionAsync;
            }));
        });
        return builder;
    }
}
