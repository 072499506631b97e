using System.Text.Json;

namespace ImpactMeasure.Warehouse.Configuration;

/// <summary>impact.json, read and parsed once per command at the command line's root and handed to whatever
/// needs a section of it ("etl", "vocabulary", "methods", "pack", "serve"). An absent file is an empty
/// configuration (every default in force); a file that is not a JSON object, or that has a section no part of
/// ImpactMeasure reads (a misspelt "metods" would otherwise be silently ignored), is refused naming the file.</summary>
public sealed class ImpactConfiguration
{
    /// <summary>The sections ImpactMeasure reads.</summary>
    public static IReadOnlyList<string> Sections { get; } = ["etl", "vocabulary", "methods", "pack", "serve"];

    private readonly Dictionary<string, JsonElement> _sections;

    private ImpactConfiguration(string? path, Dictionary<string, JsonElement> sections)
    {
        Path = path;
        _sections = sections;
    }

    /// <summary>The file read, or null when there was none.</summary>
    public string? Path { get; }

    /// <summary>No file: every default.</summary>
    public static ImpactConfiguration Empty { get; } = new(null, []);

    public static ImpactConfiguration Load(string? path)
    {
        if (path is null || !File.Exists(path))
            return new ImpactConfiguration(path, []);
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new InvalidDataException($"{path}: expected a JSON object with sections such as \"etl\" and \"methods\"");
            var sections = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!Sections.Contains(property.Name, StringComparer.Ordinal))
                    throw new InvalidDataException($"{path}: \"{property.Name}\" is not a section ImpactMeasure reads: expected one of {string.Join(", ", Sections)}");
                sections[property.Name] = property.Value.Clone();
            }
            return new ImpactConfiguration(path, sections);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (line {line + 1}, position {ex.BytePositionInLine + 1})" : "";
            throw new InvalidDataException($"{path}: not valid JSON{where}: {ex.Message}", ex);
        }
    }

    /// <summary>A section as it was written, or null when absent.</summary>
    public JsonElement? Section(string name) => _sections.TryGetValue(name, out var element) ? element : null;
}
