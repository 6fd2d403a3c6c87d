using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;

namespace OrleansMesh.Grains.Equality;

/// <summary>
/// Deep, content-based equality for the config model. The records hold <see cref="ImmutableArray{T}"/> and
/// <see cref="ImmutableDictionary{TKey, TValue}"/>, which compare by reference, so the records' own
/// <c>Equals</c> calls two equal resources read from two YAML texts different.
/// Serialized bytes are no substitute: Orleans' serializer writes a repeated object as a back-reference,
/// so equal content can serialize differently.
/// </summary>
internal static class ContentEquality
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    /// <summary>True when both are null, or of the same type with equal content, recursively.</summary>
    public static bool AreEqual(object? x, object? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        if (x is null || y is null)
        {
            return false;
        }

        var type = x.GetType();
        if (type != y.GetType())
        {
            return false;
        }

        if (IsScalar(type))
        {
            return x.Equals(y);
        }

        if (x is IDictionary xd)
        {
            return DictionariesEqual(xd, (IDictionary)y);
        }

        if (x is IEnumerable xs)
        {
            return SequencesEqual(xs, (IEnumerable)y);
        }

        var properties = Properties.GetOrAdd(type, DataProperties);
        if (properties.Length == 0)
        {
            return x.Equals(y);
        }

        foreach (var property in properties)
        {
            if (!AreEqual(property.GetValue(x), property.GetValue(y)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal)
        || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(TimeSpan)
        || type == typeof(Guid) || type == typeof(Uri);

    private static bool DictionariesEqual(IDictionary x, IDictionary y)
    {
        if (x.Count != y.Count)
        {
            return false;
        }

        foreach (DictionaryEntry entry in x)
        {
            if (!y.Contains(entry.Key) || !AreEqual(entry.Value, y[entry.Key]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool SequencesEqual(IEnumerable x, IEnumerable y)
    {
        var left = AsList(x);
        var right = AsList(y);
        if (left.Count != right.Count)
        {
            return false;
        }

        for (var i = 0; i < left.Count; i++)
        {
            if (!AreEqual(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
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
