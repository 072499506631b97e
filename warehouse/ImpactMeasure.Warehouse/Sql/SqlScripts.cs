using System.Reflection;

namespace ImpactMeasure.Warehouse.Sql;

/// <summary>The SQL files embedded in an assembly, found by their path (e.g. <c>sql/checks/assert_x.sql</c>).</summary>
public sealed class SqlScripts
{
    private readonly Assembly _assembly;

    public SqlScripts(Assembly assembly) => _assembly = assembly;

    /// <summary>The warehouse's own scripts: migrations, staging, marts and checks.</summary>
    public static SqlScripts Warehouse { get; } = new(typeof(SqlScripts).Assembly);

    /// <summary>Every embedded script path, sorted ordinally.</summary>
    public IReadOnlyList<string> Paths =>
        _assembly.GetManifestResourceNames()
            .Where(n => n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The scripts directly under a folder such as <c>sql/checks/</c>, sorted.</summary>
    public IReadOnlyList<string> Under(string folder) =>
        Paths.Where(p => p.StartsWith(folder, StringComparison.Ordinal)
                         && p.IndexOf('/', folder.Length) < 0).ToList();

    /// <summary>The text of one script; throws when it is not embedded.</summary>
    public string Read(string path)
    {
        using var stream = _assembly.GetManifestResourceStream(path)
            ?? throw new InvalidOperationException($"SQL script '{path}' is not embedded in {_assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The file name of a script path without folder and extension.</summary>
    public static string NameOf(string path) => Path.GetFileNameWithoutExtension(path);
}
