using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;

namespace OrleansMesh.Networking;

/// <summary>
/// Deep, content-based equality for the config model. The records hold <see cref="ImmutableArray{T}"/> and
/// <see cref="ImmutableDictionary{TKey, TValue}"/>, which compare by reference, so the records' own
/// <c>Equals</c> calls two equal resources read from two YAML texts different.
/// Serialized bytes are no substitute: Orleans' serializer writes a repeated object as a back-reference,
/// so equal content can serialize differently.
/// </summary>
public static class ContentEquality
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> s_properties = new();

    /// <summary>True when both are null, or of the same type with equal content, recursively.</summary>
    public static bool AreEqual(object? x, object? y) => FirstDifference(x, y) is null;

    /// <summary>The path and values of the first difference between <paramref name="x"/> and <paramref name="y"/>, or null when their content is equal.</summary>
    public static string? FirstDifference(object? x, object? y, string path = "")
    {
        if (ReferenceEquals(x, y))
        {
            return null;
        }

        if (x is null || y is null)
        {
            return $"{path}: {x ?? "null"} != {y ?? "null"}";
        }

        var type = x.GetType();
        if (type != y.GetType())
        {
            return $"{path}: type {type.Name} != {y.GetType().Name}";
        }

        if (IsScalar(type))
        {
            return x.Equals(y) ? null : $"{path}: {x} != {y}";
        }

        if (x is IDictionary xd)
        {
            return DictionaryDifference(xd, (IDictionary)y, path);
        }

        if (x is IEnumerable xs)
        {
            return SequenceDifference(xs, (IEnumerable)y, path);
        }

        var properties = s_properties.GetOrAdd(type, DataProperties);
        if (properties.Length == 0)
        {
            return x.Equals(y) ? null : $"{path}: {x} != {y}";
        }

        foreach (var property in properties)
        {
            if (FirstDifference(property.GetValue(x), property.GetValue(y), $"{path}.{property.Name}") is { } difference)
            {
                return difference;
            }
        }

        return null;
    }

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal)
        || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(TimeSpan)
        || type == typeof(Guid) || type == typeof(Uri);

    private static string? DictionaryDifference(IDictionary x, IDictionary y, string path)
    {
        if (x.Count != y.Count)
        {
            return $"{path}: {x.Count} entries != {y.Count}";
        }

        foreach (DictionaryEntry entry in x)
        {
            var entryPath = $"{path}[{entry.Key}]";
            if (!y.Contains(entry.Key))
            {
                return $"{entryPath}: missing";
            }

            if (FirstDifference(entry.Value, y[entry.Key], entryPath) is { } difference)
            {
                return difference;
            }
        }

        return null;
    }

    private static string? SequenceDifference(IEnumerable x, IEnumerable y, string path)
    {
        var left = AsList(x);
        var right = AsList(y);
        if (left.Count != right.Count)
        {
            return $"{path}: {left.Count} items != {right.Count}";
        }

        for (var i = 0; i < left.Count; i++)
        {
            if (FirstDifference(left[i], right[i], $"{path}[{i}]") is { } difference)
            {
                return difference;
            }
        }

        return null;
    }

    // A default ImmutableArray throws when enumerated; it means the same as an empty one.
    private static List<object?> AsList(IEnumerable sequence) =>
        IsDefaultImmutableArray(sequence) ? [] : sequence.Cast<object?>().ToList();

    private static bool IsDefaultImmutableArray(object value)
    {
        var type = value.GetType();
        return type.IsGenericType
            && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>)
            && (bool)type.GetProperty(nameof(ImmutableArray<int>.IsDefault))!.GetValue(value)!;
    }

    // Content is what can be set (init included); computed properties such as MeshResource.Id derive from it
    // and may throw on half-built values.
    private static PropertyInfo[] DataProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0)
            .ToArray();
}
