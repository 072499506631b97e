using ImpactMeasure.Etl.Loading;
using ImpactMeasure.Etl.Parsing;
using ImpactMeasure.Warehouse.Bulk;
using ImpactMeasure.Warehouse.Calendar;
using ImpactMeasure.Warehouse.Sql;

namespace ImpactMeasure.Etl.Formats.ListSize;

/// <summary>Registered patients per practice and month (the denominators) into fact_list_size.</summary>
public sealed class ListSizeLoader : IFormatLoader
{
    private static readonly BulkColumn[] Columns =
    [
        new("load_batch_id", BulkColumnType.BigInt), new("line_number", BulkColumnType.BigInt), new("practice_code", BulkColumnType.Text),
        new("date_key", BulkColumnType.Integer), new("age_band", BulkColumnType.Text), new("sex", BulkColumnType.Text),
        new("registered_patients", BulkColumnType.Integer), new("practice_key", BulkColumnType.Integer),
    ];

    public bool Supersedes => true;

    public async Task LoadAsync(LoadContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var practices = await context.PracticesAsync();
        var dates = new DateCache();
        var seen = new Dictionary<(string, int), long>();
        await using (var writer = await context.Warehouse.StartBulkWriteAsync(context.Connection, "stg_list_size", Columns))
        {
            while (context.NextRow())
            {
                var code = context.Value("practice_code");
                if (!dates.TryParse(context.Value("extract_date"), out var date, out var problem))
                {
                    context.Reject("extract_date", context.Value("extract_date"), problem!);
                    continue;
                }
                if (!Counts.TryParse(context.Value("number_of_patients"), 1_000_000, out var patients, out problem))
                {
                    context.Reject("number_of_patients", context.Value("number_of_patients"), problem!);
                    continue;
                }
                var month = new DateOnly(date.Year, date.Month, 1);
                if (!seen.TryAdd((code.ToString(), DateDimension.KeyOf(month)), context.Rows.LineNumber))
                {
                    context.Reject("practice_code", code, $"has a second list size for {month:yyyy-MM} (first on line {seen[(code.ToString(), DateDimension.KeyOf(month))]}): the first is kept");
                    continue;
                }
                // A list-size file covers every practice in England: its practices are placed by maps only, not inferred.
                var practiceKey = practices.KeyOf(code, month);
                if (practiceKey == 0)
                    context.Counters.SeeUnknown(code);
                context.Counters.ScopeCodes.Add(code.ToString());
                context.Counters.SeePeriod(month);
                await writer.WriteRowAsync(context.BatchId, context.Rows.LineNumber, code.ToString(), DateDimension.KeyOf(month), "All", "All", (int)patients, practiceKey);
                context.Counters.RowsLoaded++;
            }
            await writer.CompleteAsync();
        }
        await context.LandedAsync("stg_list_size");
        await context.Connection.ExecuteScriptAsync(EtlSql.Read(ListSizeFormat.FactScript), context.BatchId);
    }
}
