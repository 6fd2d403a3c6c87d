using System.Runtime.ExceptionServices;
using Orleans.Runtime.Messaging;

namespace OrleansMesh.Cli.Connection;

/// <summary>
/// Retries a grain call that failed because its target silo is gone or the message was rejected in transit (a silo
/// killed moments ago, not yet declared dead), every <c>delay</c>, until <c>budget</c> (meshctl's connect timeout)
/// has passed since the first failure. A call that reached the grain and failed there, or timed out, is not retried.
/// </summary>
internal sealed class TransientCallRetryFilter(TimeSpan budget, TimeSpan delay, TimeProvider time) : IOutgoingGrainCallFilter
{
    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        long? firstFailure = null;
        while (true)
        {
            ExceptionDispatchInfo? thrown = null;
            try
            {
                await context.Invoke();
            }
            catch (Exception exception)
            {
                thrown = ExceptionDispatchInfo.Capture(exception);
            }

            var failure = thrown?.SourceException ?? context.Response?.Exception;
            firstFailure ??= failure is null ? null : time.GetTimestamp();
            if (failure is null || !IsTransient(failure) || time.GetElapsedTime(firstFailure!.Value) + delay > budget)
            {
                thrown?.Throw();
                return;
            }

            await Task.Delay(delay, time);
        }
    }

    public static bool IsTransient(Exception exception) =>
        exception is SiloUnavailableException or ConnectionFailedException or OrleansMessageRejectionException;
}
