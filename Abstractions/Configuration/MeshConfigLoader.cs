using System.Collections.Immutable;
using OrleansMesh.ControlPlane;

namespace OrleansMesh.Configuration;

/// <summary>Reads Istio networking YAML (multi-document) into resources, with diagnostics that name the field path and line.</summary>
public static class MeshConfigLoader
{
    /// <summary>Loads every document of <paramref name="yaml"/>; never throws on bad input.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="file">The file name used in diagnostics (<c>-</c> for standard input).</param>
    public static ConfigLoadResult Load(string yaml, string file)
    {
        file ??= "-";
        try
        {
            return LoadCore(yaml ?? "", file);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug of ours must still come out as a diagnostic: callers treat Load as total.
            return new ConfigLoadResult
            {
                Diagnostics = [new ConfigDiagnostic { Severity = DiagnosticSeverity.Error, File = file, Message = $"internal error while reading the file: {e.GetType().Name}: {e.Message}" }],
            };
        }
    }

    private static ConfigLoadResult LoadCore(string yaml, string file)
    {
        var resources = ImmutableArray.CreateBuilder<SourcedResource>();
        var diagnostics = ImmutableArray.CreateBuilder<ConfigDiagnostic>();
        var positions = ImmutableDictionary.CreateBuilder<string, ResourcePositions>(StringComparer.Ordinal);
        foreach (var document in YamlTreeReader.Read(yaml))
        {
            if (document.Error is not null)
            {
                diagnostics.Add(new ConfigDiagnostic
                {
                    Severity = DiagnosticSeverity.Error,
                    Message = document.Error,
                    File = file,
                    Document = document.Number,
                    Line = document.ErrorAt.Line,
                    Column = document.ErrorAt.Column,
                });
                continue;
            }

            if (document.Root is null or YamlTreeScalar { IsNull: true })
            {
                continue;
            }

            var context = new ReadContext(file, document.Number);
            var resource = ResourceReader.Read(document.Root, context);
            if (resource is null)
            {
                diagnostics.AddRange(context.Diagnostics);
                continue;
            }

            var id = resource.Id.ToString();
            var origin = new ResourceOrigin { File = file, Document = document.Number, Line = document.Start.Line };
            var located = new ResourcePositions(origin, document.Start, context.Positions);
            positions.TryAdd(id, located);
            diagnostics.AddRange(context.Diagnostics.Select(d => d with { Resource = id }));
            if (!context.HasErrors)
            {
                resources.Add(new SourcedResource { Resource = resource, Origin = origin });
                diagnostics.AddRange(MeshConfigValidator.Validate(resource).Select(located.Locate));
            }
        }

        return new ConfigLoadResult { Resources = resources.ToImmutable(), Diagnostics = diagnostics.ToImmutable(), Positions = positions.ToImmutable() };
    }
}
