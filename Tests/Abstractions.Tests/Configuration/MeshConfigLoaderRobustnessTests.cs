using OrleansMesh.Configuration;
using OrleansMesh.ControlPlane;

namespace OrleansMesh.Abstractions.Tests.Configuration;

public sealed class MeshConfigLoaderRobustnessTests
{
    private const string Head = "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: r\n";

    public static TheoryData<string, string> MalformedInputs() => new()
    {
        { "truncated document", ConformanceFiles.Read("bookinfo-gateway.yaml")[..200] + "\n  - port: {number: 80" },
        { "truncated quote", Head + "spec:\n  hosts:\n  - \"reviews" },
        { "binary junk", "\u0000\u0001\u0002\u00ff\ufffe garbage \u0007" },
        { "random bytes", new string([.. Enumerable.Range(0, 512).Select(i => (char)((i * 7919) % 256))]) },
        { "deeply nested flow lists", new string('[', 100_000) + new string(']', 100_000) },
        { "deeply nested block lists", Head + "spec:\n  hosts:\n" + string.Concat(Enumerable.Range(0, 500).Select(i => new string(' ', 2 + (2 * i)) + "-\n")) },
        { "deeply nested mappings", string.Concat(Enumerable.Range(0, 200).Select(i => "{a: ")) + "1" + new string('}', 200) },
        { "huge number", Head + "spec:\n  hosts: [r]\n  http:\n  - route:\n    - destination: {host: r}\n      weight: 1e400" },
        { "huge integer", Head + "spec:\n  hosts: [r]\n  http:\n  - route:\n    - destination: {host: r, port: {number: 123456789012345678901234567890}}" },
        { "huge duration", Head + "spec:\n  hosts: [r]\n  http:\n  - timeout: 99999999999999999999h\n    route:\n    - destination: {host: r}" },
        { "tab indentation", Head + "spec:\n\thosts:\n\t- r" },
        { "duplicate keys", Head + "spec:\n  hosts: [r]\n  hosts: [s]" },
        { "billion laughs", "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n" },
        { "undefined alias", Head + "spec:\n  hosts: *nothing" },
        { "recursive anchor", Head + "spec: &s\n  hosts: *s" },
        { "colon colon", ": :" },
        { "only colons", ":\n:\n:" },
        { "complex key", Head + "spec:\n  ? [a, b]\n  : c" },
        { "merge key", Head + "spec:\n  <<: {hosts: [r]}" },
        { "scalar document", "just some text" },
        { "number document", "42" },
        { "unclosed flow mapping", Head + "spec: {hosts: [r]" },
        { "bad escape", Head + "spec:\n  hosts: [\"\\q\"]" },
        { "wrong kinds everywhere", "apiVersion: [1]\nkind: {a: b}\nmetadata: 3\nspec: x" },
        { "directive junk", "%YAML 9.9\n%TAG\n---\na: b" },
        { "lone document end", "...\n...\n---\n- ]" },
        { "null bytes in key", Head + "sp\u0000ec: {}" },
        { "bom and junk", "\ufeff\ufeff: - [" },
        { "deep alias nesting", Head + "spec:\n  hosts: &h [r]\n  gateways: *h\n  http: *h" },
    };

    [Theory]
    [MemberData(nameof(MalformedInputs))]
    public void Load_MalformedInput_ReportsErrorsWithoutThrowing(string name, string yaml)
    {
        var result = MeshConfigLoader.Load(yaml, "fuzz.yaml");

        Assert.True(result.HasErrors, name);
        Assert.All(result.Diagnostics, d => Assert.Equal("fuzz.yaml", d.File));
        Assert.DoesNotContain(result.Diagnostics, d => d.Message.StartsWith("internal error", StringComparison.Ordinal));
        Assert.All(result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error), d => Assert.True(d.Line > 0, d.ToString()));
    }

    [Fact]
    public void Load_BillionLaughs_ReportsSizeLimit()
    {
        var yaml = MalformedInputs().Single(row => (string)row[0] == "billion laughs")[1];

        var diagnostic = Assert.Single(MeshConfigLoader.Load((string)yaml, "fuzz.yaml").Diagnostics);

        Assert.Equal("the document is too large: more than 100000 nodes once aliases are expanded", diagnostic.Message);
    }

    [Fact]
    public void Load_DeepNesting_ReportsDepthLimit()
    {
        var diagnostic = Assert.Single(MeshConfigLoader.Load(new string('[', 1000) + new string(']', 1000), "fuzz.yaml").Diagnostics);

        Assert.Equal("nesting deeper than 64 levels is not supported", diagnostic.Message);
        Assert.Equal((1, 65), (diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public void Load_UndefinedAlias_ReportsAlias()
    {
        var diagnostic = Assert.Single(MeshConfigLoader.Load("a: *nothing", "fuzz.yaml").Diagnostics);

        Assert.Equal("unknown alias '*nothing' (an alias must follow its anchor, in the same document)", diagnostic.Message);
    }

    [Fact]
    public void Load_NullArguments_DoNotThrow()
    {
        var result = MeshConfigLoader.Load(null!, null!);

        Assert.Empty(result.Diagnostics);
    }
}
