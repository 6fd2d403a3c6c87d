using System.Text.Json;

namespace OrleansMesh.Gateway.Inference;

/// <summary>
/// The model names requests named lately, one per slot chosen by the name's bytes, so that a request naming one again
/// gets that string instead of a new copy: a gateway sees few distinct names, and reads one from every inference
/// request's body. A slot is overwritten by the next name that falls in it, so the table never grows.
/// </summary>
internal static class RecentModelNames
{
    private const int Slots = 64;

    private static readonly string?[] s_names = new string?[Slots];

    /// <summary>The string held for the reader's current (string) value, or null when none is.</summary>
    public static string? Find(ref Utf8JsonReader reader)
    {
        // An escaped value's bytes differ from its text: such a name is simply not shared.
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            return null;
        }

        var name = Volatile.Read(ref s_names[Slot(reader.ValueSpan)]);
        return name is not null && reader.ValueTextEquals(name) ? name : null;
    }

    /// <summary>Keeps <paramref name="name"/>, a valid model name just read from the reader's current value.</summary>
    public static void Remember(ref Utf8JsonReader reader, string name)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            Volatile.Write(ref s_names[Slot(reader.ValueSpan)], name);
        }
    }

    private static int Slot(ReadOnlySpan<byte> utf8)
    {
        // FNV-1a: names are short, and a poor spread costs only a copy now and then.
        var hash = 2166136261u;
        foreach (var b in utf8)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash % Slots);
    }
}
