namespace OrleansMesh.Fuzz.Targets;

/// <summary>A property a target checks did not hold for an input: afl++ records it as a crash.</summary>
internal sealed class FuzzPropertyException(string message) : Exception(message)
{
    public static void Check(bool holds, string message)
    {
        if (!holds)
        {
            throw new FuzzPropertyException(message);
        }
    }
}
