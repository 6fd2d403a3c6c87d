using System.Reflection;

namespace OrleansMesh.Benchmarks.RequestPath;

/// <summary>
/// An <see cref="IGrainFactory"/> whose every call fails as an unreachable cluster would: the gateway's background
/// services (config subscription, health reports, rate-limit leases, certificate) retry with back-off while the
/// harness serves from a snapshot it swapped in itself, so no silo runs in the measured process.
/// </summary>
// Not sealed: DispatchProxy.Create derives the proxy type from it.
#pragma warning disable CA1852
internal class UnreachableGrainFactory : DispatchProxy
{
    public static IGrainFactory Create() => Create<IGrainFactory, UnreachableGrainFactory>();

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        => throw new InvalidOperationException($"no control plane in the allocation harness ({targetMethod?.Name})");
}
#pragma warning restore CA1852
