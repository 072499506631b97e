using System.Text.Json;
using System.Text.Json.Serialization;

namespace ImpactMeasure.Warehouse.Configuration;

/// <summary>Reads one section ("etl", "methods", "serve") of impact.json: snake_case keys, comments and trailing
/// commas allowed, unknown keys refused. Any problem — a file that is not JSON, a section of the wrong shape — is
/// an <see cref="InvalidDataException"/> naming the file and section, which the command line prints as one line.</summary>
public static class ConfigSection
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The section, or null when the file or the section is absent.</summary>
    public static T? Load<T>(string? path, string section)
        where T : class
    {
        if (path is null || !File.Exists(path))
            return null;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new InvalidDataException($"{path}: expected a JSON object with sections such as \"{section}\"");
            return document.RootElement.TryGetProperty(section, out var element) ? element.Deserialize<T>(Json) : null;
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (line {line + 1}, position {ex.BytePositionInLine + 1})" : "";
            throw new InvalidDataException($"{path}: the {section} section cannot be read{where}: {ex.Message}", ex);
        }
    }
}
