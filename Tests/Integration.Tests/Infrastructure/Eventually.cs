using System.Diagnostics;

namespace OrleansMesh.Integration.Tests.Infrastructure;

/// <summary>Waits for something the mesh does asynchronously (a push, a pull), polling every 10 ms up to a bound.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what, TimeSpan? within = null)
    {
        var limit = within ?? TimeSpan.FromSeconds(10);
        var elapsed = Stopwatch.StartNew();
        while (!condition() && elapsed.Elapsed < limit)
        {
            await Task.Delay(10);
        }

        Assert.True(condition(), $"{what} did not happen within {limit}");
    }

    /// <summary>As <see cref="TrueAsync(Func{bool}, string, TimeSpan?)"/>, for a condition that asks the cluster.</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? within = null)
    {
        var limit = within ?? TimeSpan.FromSeconds(10);
        var elapsed = Stopwatch.StartNew();
        while (!await condition() && elapsed.Elapsed < limit)
        {
            await Task.Delay(10);
        }

        Assert.True(await condition(), $"{what} did not happen within {limit}");
    }
}
