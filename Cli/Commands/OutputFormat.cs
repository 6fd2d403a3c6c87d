using System.CommandLine;

namespace OrleansMesh.Cli.Commands;

/// <summary>The <c>-o table|json</c> option of the commands that show the mesh's state.</summary>
internal static class OutputFormat
{
    public const string Table = "table";
    public const string Json = "json";

    public static Option<string> Create()
    {
        var option = new Option<string>("--output", "-o")
        {
            Description = "table (aligned columns for a terminal), or json (stable field names, for scripts).",
            DefaultValueFactory = _ => Table,
        };
        option.AcceptOnlyFromAmong(Table, Json);
        return option;
    }
}
