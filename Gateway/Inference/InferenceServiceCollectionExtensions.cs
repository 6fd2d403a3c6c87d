namespace OrleansMesh.Gateway.Inference;

/// <summary>Wires model-inference handling (<see cref="InferenceGate"/>) into a gateway.</summary>
internal static class InferenceServiceCollectionExtensions
{
    /// <summary>Adds <see cref="InferenceOptions"/> (validated on start) and the <see cref="InferenceGate"/>.</summary>
    public static IServiceCollection AddMeshInference(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<InferenceOptions>().BindConfiguration(InferenceOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<InferenceGate>();
        return services;
    }
}
