using System.Collections;
using System.Reflection;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OrleansMesh.ControlPlane;

namespace OrleansMesh.Grains.Tests.Identity;

/// <summary>The CA's key must never leave its grain: no grain method of the public API can return key material.</summary>
public sealed class GrainInterfaceKeyMaterialTests
{
    // Names that look like keys but hold none: Istio's TLS settings name key *files* (a path such as
    // /etc/certs/key.pem, mounted where the workload runs); an AuthorizationPolicy condition's key is an attribute name.
    private static readonly HashSet<string> s_notKeyMaterial = ["ClientTlsSettings.PrivateKey", "ServerTlsSettings.PrivateKey", "RuleCondition.Key"];

    private static readonly Type[] s_keyTypes = [typeof(AsymmetricAlgorithm), typeof(X509Certificate), typeof(X509Certificate2Collection)];

    [Fact]
    public void GrainInterfaces_ReturnTypes_CarryNoPrivateKeyMaterial()
    {
        var methods = typeof(IMeshConfigGrain).Assembly.GetExportedTypes()
            .Where(t => t.IsInterface && typeof(IAddressable).IsAssignableFrom(t))
            .SelectMany(t => t.GetMethods().Select(m => (Interface: t, Method: m)))
            .ToArray();

        var offenders = methods
            .SelectMany(m => Offenders(m.Method.ReturnType, $"{m.Interface.Name}.{m.Method.Name}", []))
            .ToArray();

        Assert.Contains(methods, m => m.Method.Name == "SignAsync");
        Assert.True(offenders.Length == 0, string.Join("\n", offenders));
    }

    private static IEnumerable<string> Offenders(Type type, string path, HashSet<Type> seen)
    {
        if (!seen.Add(type) || type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(DateTimeOffset) || type == typeof(TimeSpan))
        {
            yield break;
        }

        if (s_keyTypes.Any(k => k.IsAssignableFrom(type)))
        {
            yield return $"{path}: {type.Name}";
            yield break;
        }

        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments())
            {
                foreach (var offender in Offenders(argument, $"{path}<{argument.Name}>", seen))
                {
                    yield return offender;
                }
            }
        }

        if (type.IsArray)
        {
            foreach (var offender in Offenders(type.GetElementType()!, path + "[]", seen))
            {
                yield return offender;
            }
        }

        if (type.Namespace?.StartsWith("OrleansMesh", StringComparison.Ordinal) != true || typeof(IEnumerable).IsAssignableFrom(type))
        {
            yield break;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = property.Name;
            var looksLikeKey = (name.Contains("Key", StringComparison.OrdinalIgnoreCase) || name.Contains("Pkcs8", StringComparison.OrdinalIgnoreCase))
                && !name.Contains("Public", StringComparison.OrdinalIgnoreCase)
                && !s_notKeyMaterial.Contains($"{type.Name}.{name}");
            if (looksLikeKey && (property.PropertyType == typeof(byte[]) || property.PropertyType == typeof(string) || property.PropertyType == typeof(ReadOnlyMemory<byte>)))
            {
                yield return $"{path}.{name}";
            }

            foreach (var offender in Offenders(property.PropertyType, $"{path}.{name}", seen))
            {
                yield return offender;
            }
        }
    }
}
