using System.Globalization;
using OrleansMesh.Samples.ModelServer.Hosting;
using OrleansMesh.Samples.ModelServer.Wire;

namespace OrleansMesh.Samples.ModelServer.Faults;

/// <summary>
/// Adds the configured latency and answers the configured share of requests with a 500 in OpenAI's shape.
/// <c>/healthz</c> is exempt: it reports that the process is up, while faults simulate a struggling model.
/// </summary>
internal sealed partial class FaultInjectionMiddleware
{
    private readonly RequestDelegate next;
    private readonly TimeSpan latency;
    private readonly ErrorInjector errors;
    private readonly ModelIdentity model;
    private readonly TimeProvider time;
    private readonly ILogger<FaultInjectionMiddleware> logger;

    public FaultInjectionMiddleware(
        RequestDelegate next,
        ModelServerOptions options,
        ErrorInjector errors,
        ModelIdentity model,
        TimeProvider time,
        ILogger<FaultInjectionMiddleware> logger)
    {
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        this.next = next;
        latency = TimeSpan.FromMilliseconds(options.LatencyMs);
        this.errors = errors;
        this.model = model;
        this.time = time;
        this.logger = logger;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/healthz", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        if (latency > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(latency, time, context.RequestAborted);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                return;
            }
        }

        if (errors.ShouldFail())
        {
            LogInjectedFailure(context.Request.Method, context.Request.Path);
            var message = string.Create(
                CultureInfo.InvariantCulture,
                $"Injected failure from {model.Name} {model.Version} (error rate {errors.Rate}).");
            await OpenAiErrors.WriteAsync(context, StatusCodes.Status500InternalServerError, message, OpenAiErrors.ServerError);
            return;
        }

        await next(context);
    }
}
