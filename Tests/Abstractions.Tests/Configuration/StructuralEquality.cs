using System.Collections;
using System.Reflection;

namespace OrleansMesh.Abstractions.Tests.Configuration;

/// <summary>
/// Compares records by content: the model's records compare ImmutableArray and ImmutableDictionary by reference,
/// so a round trip needs a deep comparison. Returns the first difference's path, or null.
/// </summary>
internal static class StructuralEquality
{
    public static string? FirstDifference(object? expected, object? actual, string path = "")
    {
        if (expected is null || actual is null)
        {
            return expected is null && actual is null ? null : $"{path}: {expected ?? "null"} != {actual ?? "null"}";
        }

        var type = expected.GetType();
        if (type != actual.GetType())
        {
            return $"{path}: type {type.Name} != {actual.GetType().Name}";
        }

        if (type.IsPrimitive || type.IsEnum || expected is string or TimeSpan or decimal)
        {
            return expected.Equals(actual) ? null : $"{path}: {expected} != {actual}";
        }

        if (expected is IDictionary expectedMap)
        {
            var actualMap = (IDictionary)actual;
            if (expectedMap.Count != actualMap.Count)
            {
                return $"{path}: {expectedMap.Count} entries != {actualMap.Count}";
            }

            foreach (DictionaryEntry entry in expectedMap)
            {
                if (!actualMap.Contains(entry.Key))
                {
                    return $"{path}[{entry.Key}]: missing";
                }

                if (FirstDifference(entry.Value, actualMap[entry.Key], $"{path}[{entry.Key}]") is { } difference)
                {
                    return difference;
                }
            }

            return null;
        }

        if (expected is IEnumerable expectedItems)
        {
            var left = expectedItems.Cast<object?>().ToList();
            var right = ((IEnumerable)actual).Cast<object?>().ToList();
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

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0
                && FirstDifference(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}") is { } difference)
            {
                return difference;
            }
        }

        return null;
    }
}
