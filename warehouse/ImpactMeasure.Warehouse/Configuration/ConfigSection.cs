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

    /// <summary>The section of the file, or null when the file or the section is absent.</summary>
    public static T? Load<T>(string? path, string section)
        where T : class =>
        Load<T>(ImpactConfiguration.Load(path), section);

    /// <summary>The section of a configuration read once, or null when it is absent.</summary>
    public static T? Load<T>(ImpactConfiguration configuration, string section)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration.Section(section) is not { } element)
            return null;
        try
        {
            return element.Deserialize<T>(Json);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{configuration.Path}: the {section} section cannot be read: {ex.Message}", ex);
        }
    }
}
