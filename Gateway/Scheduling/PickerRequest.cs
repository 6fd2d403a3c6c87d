using OrleansMesh.Gateway.Inference;

namespace OrleansMesh.Gateway.Scheduling;

/// <summary>
/// What the picker reads from a request, once (retries reuse it): the model (a LoRA adapter's name or the base model)
/// and the prompt's block hashes. Kept in <see cref="HttpContext.Features"/>.
/// </summary>
internal sealed class PickerRequest(string model, ulong[] blocks, bool debug)
{
    public string Model { get; } = model;

    public ulong[] Blocks { get; } = blocks;

    /// <summary>The client asked for the pick and its reasons in a response header.</summary>
    public bool Debug { get; } = debug;

    public static PickerRequest For(HttpContext context, InferencePickerOptions options)
    {
        if (context.Features.Get<PickerRequest>() is { } known)
        {
            return known;
        }

        var inference = context.Features.Get<InferenceRequest>();
        var model = inference?.Model ?? "";
        var blocks = inference?.Body is { } body ? PromptBlocks.Hash(body.Span, model, options.PrefixBlockBytes, options.MaxPrefixBlocks) : [];
        var request = new PickerRequest(model, blocks, context.Request.Headers.ContainsKey(InferencePickerOptions.DebugHeader));
        context.Features.Set(request);
        return request;
    }
}
