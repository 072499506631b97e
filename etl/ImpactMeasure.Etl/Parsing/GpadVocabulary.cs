using System.Data.Common;
using System.Text;
using ImpactMeasure.Warehouse.Sql;

namespace ImpactMeasure.Etl.Parsing;

/// <summary>Matches GPAD attribute values to their canonical labels (ref_gpad_vocabulary, ref_gpad_alias):
/// case-insensitive, runs of spaces collapsed, known variants mapped; blank means Unknown. Each label has a
/// small ordinal so a whole appointment profile packs into one number.</summary>
public sealed class GpadVocabulary
{
    /// <summary>The label for an attribute a file's grain does not carry.</summary>
    public const string NotInExtract = "All";
    public const string Unknown = "Unknown";

    public static readonly string[] Attributes =
        ["hcp_type", "appt_mode", "appt_status", "national_category", "time_between_book_and_appt", "actual_duration", "service_setting", "context_type"];

    private readonly Dictionary<string, AttributeVocabulary> _byAttribute;

    private GpadVocabulary(Dictionary<string, AttributeVocabulary> byAttribute) => _byAttribute = byAttribute;

    public const string LabelsScript = "Parsing/gpad_labels.sql";
    public const string AliasesScript = "Parsing/gpad_aliases.sql";

    public static async Task<GpadVocabulary> LoadAsync(DbConnection connection)
    {
        var labels = await connection.RowsAsync(EtlSql.Statement(LabelsScript));
        var aliases = await connection.RowsAsync(EtlSql.Statement(AliasesScript));
        var byAttribute = Attributes.ToDictionary(a => a, a => new AttributeVocabulary(
            a,
            labels.Where(r => (string)r[0]! == a).Select(r => (string)r[1]!).ToList(),
            aliases.Where(r => (string)r[0]! == a).ToDictionary(r => (string)r[1]!, r => (string)r[2]!, StringComparer.Ordinal)), StringComparer.Ordinal);
        return new GpadVocabulary(byAttribute);
    }

    public AttributeVocabulary this[string attribute] => _byAttribute[attribute];

    /// <summary>Lower case, trimmed, runs of white space collapsed to one space.</summary>
    public static string Normalise(ReadOnlySpan<char> value)
    {
        var builder = new StringBuilder(value.Length);
        var space = false;
        foreach (var c in value.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space && builder.Length > 0)
                builder.Append(' ');
            space = false;
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }
}
