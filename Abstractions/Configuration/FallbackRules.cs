using OrleansMesh.Resilience;

namespace OrleansMesh.Configuration;

/// <summary>Rules of a route's <c>x-orleansmesh.fallback</c> (see <see cref="FallbackSchema"/>).</summary>
internal static class FallbackRules
{
    public static void Check(ValidationSink sink, string path, FallbackSettings? fallback)
    {
        if (fallback is null)
        {
            return;
        }

        if (fallback.Destinations.IsDefaultOrEmpty)
        {
            sink.Error(path + ".destinations", "fallback needs at least one destination");
        }
        else
        {
            for (var i = 0; i < fallback.Destinations.Length; i++)
            {
                var destination = fallback.Destinations[i];
                VirtualServiceRules.Destination(sink, $"{path}.destinations[{i}]", destination);
                var earlier = fallback.Destinations.IndexOf(destination);
                if (earlier < i)
                {
                    sink.Error($"{path}.destinations[{i}]", $"destination repeats destinations[{earlier}]; each fallback is tried once");
                }
            }
        }

        if (fallback.FailOn == FallbackConditions.None)
        {
            sink.Error(path + ".failOn", "failOn must name at least one of " + FallbackSchema.ConditionNames);
        }
    }
}
