using System.Globalization;
using System.Text.RegularExpressions;
using ImpactMeasure.Etl.Loading;
using ImpactMeasure.Etl.Parsing;
using ImpactMeasure.Warehouse.Bulk;
using ImpactMeasure.Warehouse.Sql;

namespace ImpactMeasure.Etl.Formats.PracticeMap;

/// <summary>Practice reference data (GPAD Mapping.csv or the registered-patients practice map) into dim_practice
/// as SCD type 2, effective from the extract date: the registration map's EXTRACT_DATE; for Mapping.csv, which
/// has none, --as-of, else a YYYY-MM in the file name (NHS publishes it monthly), else today.</summary>
public sealed partial class PracticeMappingLoader : IFormatLoader
{
    private static readonly BulkColumn[] Columns =
    [
        new("load_batch_id", BulkColumnType.BigInt), new("line_number", BulkColumnType.BigInt), new("practice_code", BulkColumnType.Text),
        new("practice_name", BulkColumnType.Text), new("pcn_code", BulkColumnType.Text), new("pcn_name", BulkColumnType.Text),
        new("sub_icb_code", BulkColumnType.Text), new("sub_icb_name", BulkColumnType.Text), new("icb_code", BulkColumnType.Text),
        new("icb_name", BulkColumnType.Text), new("region_code", BulkColumnType.Text), new("region_name", BulkColumnType.Text),
        new("supplier", BulkColumnType.Text), new("effective_date", BulkColumnType.Date),
    ];

    public bool Supersedes => false;

    public async Task LoadAsync(LoadContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var registration = context.Map.Has("practice_code");
        var (code, name, region, regionName, supplier) = registration
            ? ("practice_code", "practice_name", "comm_region_code", "comm_region_name", "supplier_name")
            : ("gp_code", "gp_name", "region_code", "region_name", "supplier");
        var fallbackDate = context.Options.AsOf ?? DateFromFileName(context.FileName) ?? DateOnly.FromDateTime(context.Options.Time.GetUtcNow().UtcDateTime);
        var dates = new DateCache();
        var seen = new Dictionary<string, (long Line, string Pcn, string SubIcb)>(StringComparer.Ordinal);
        await using (var writer = await context.Warehouse.StartBulkWriteAsync(context.Connection, "stg_practice_mapping", Columns))
        {
            while (context.NextRow())
            {
                var practice = context.Value(code);
                if (!OdsCodes.IsPracticeCode(practice))
                {
                    context.Reject(code, practice, "is not an ODS practice code (a capital letter and five digits)");
                    continue;
                }
                var effective = fallbackDate;
                if (registration && !dates.TryParse(context.Value("extract_date"), out effective, out var problem))
                {
                    context.Reject("extract_date", context.Value("extract_date"), problem!);
                    continue;
                }
                var place = (context.Rows.LineNumber, context.Value("pcn_code").ToString(), context.Value("sub_icb_location_code").ToString());
                if (!seen.TryAdd(practice.ToString(), place))
                {
                    // The published Mapping.csv repeats a practice once per GP system supplier: the same place is no conflict.
                    var first = seen[practice.ToString()];
                    if ((first.Pcn, first.SubIcb) == (place.Item2, place.Item3))
                        context.Counters.RowsLoaded++;
                    else
                        context.Reject(code, practice, $"appears again with another PCN or sub-ICB (first on line {first.Line}): the first is kept");
                    continue;
                }
                context.Counters.SeePeriod(effective);
                await writer.WriteRowAsync(context.BatchId, context.Rows.LineNumber, practice.ToString(), Text(context, name),
                    Text(context, "pcn_code"), Text(context, "pcn_name"), Text(context, "sub_icb_location_code"),
                    Text(context, "sub_icb_location_name"), Text(context, "icb_code"), Text(context, "icb_name"),
                    Text(context, region), Text(context, regionName), Text(context, supplier), effective);
                context.Counters.RowsLoaded++;
            }
            await writer.CompleteAsync();
        }
        await context.LandedAsync("stg_practice_mapping");
        context.Counters.PracticesPlaced = (await context.Connection.ExecuteScriptAsync(EtlSql.Read(PracticeMapFormats.CompleteInferredScript), context.BatchId)).Sum();
        var affected = await context.Connection.ExecuteScriptAsync(EtlSql.Read(PracticeMapFormats.DimPracticeScript), context.BatchId);
        context.Counters.RowsUpdated = affected[0];
    }

    private static string? Text(LoadContext context, string column) => context.Value(column) is { IsEmpty: false } v ? v.ToString() : null;

    /// <summary>A YYYY-MM (or YYYYMM) in the file name, as the first day of that month.</summary>
    public static DateOnly? DateFromFileName(string fileName)
    {
        var match = MonthInName().Match(fileName);
        return match.Success
            ? new DateOnly(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture), 1)
            : null;
    }

    [GeneratedRegex(@"(20\d\d)-?(0[1-9]|1[0-2])(?!\d)")]
    private static partial Regex MonthInName();
}
