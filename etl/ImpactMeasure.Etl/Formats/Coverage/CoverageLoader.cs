using ImpactMeasure.Etl.Loading;
using ImpactMeasure.Etl.Parsing;
using ImpactMeasure.Warehouse.Bulk;
using ImpactMeasure.Warehouse.Calendar;

namespace ImpactMeasure.Etl.Formats.Coverage;

/// <summary>GPAD coverage (practices and patients included in the publication per sub-ICB and month).</summary>
public sealed class CoverageLoader : IFormatLoader
{
    private static readonly BulkColumn[] Columns =
    [
        new("sub_icb_code", BulkColumnType.Text),
        new("date_key", BulkColumnType.Integer),
        new("included_practices", BulkColumnType.Integer),
        new("open_practices", BulkColumnType.Integer),
        new("patients_included", BulkColumnType.BigInt),
        new("patients_open", BulkColumnType.BigInt),
        new("load_batch_id", BulkColumnType.BigInt),
    ];

    private static readonly string[] Measures =
        ["included practices", "open practices", "patients registered at included practices", "patients registered at open practices"];

    public bool Supersedes => true;

    public bool StreamsOnly => true;

    public async Task LoadAsync(LoadContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var dates = new DateCache();
        var repeats = new RepeatedKeys(context);
        var values = new long[Measures.Length];
        await using var writer = await context.Warehouse.StartBulkWriteAsync(context.Connection, "fact_gpad_coverage", Columns);
        while (context.NextRow())
        {
            if (!dates.TryParse(context.Value("appointment_month"), out var date, out var problem))
            {
                context.Reject("appointment_month", context.Value("appointment_month"), problem!);
                continue;
            }
            if (!ReadMeasures(context, values))
                continue;
            var code = context.Value("sub_icb_location_code");
            var month = new DateOnly(date.Year, date.Month, 1);
            if (repeats.IsRepeat(code, DateDimension.KeyOf(month), 0))
                continue;
            context.Counters.ScopeCodes.Add(code.ToString());
            context.Counters.SeePeriod(month);
            writer.StartRow();
            writer.Write(code.ToString());
            writer.Write(DateDimension.KeyOf(month));
            writer.Write((int)values[0]);
            writer.Write((int)values[1]);
            writer.Write(values[2]);
            writer.Write(values[3]);
            writer.Write(context.BatchId);
            writer.EndRow();
            context.Counters.RowsLoaded++;
        }
        await writer.CompleteAsync();
    }

    private static bool ReadMeasures(LoadContext context, long[] values)
    {
        for (var i = 0; i < Measures.Length; i++)
        {
            var max = i < 2 ? int.MaxValue : long.MaxValue;
            if (!Counts.TryParse(context.Value(Measures[i]), max, out values[i], out var problem))
            {
                context.Reject(Measures[i], context.Value(Measures[i]), problem!);
                return false;
            }
        }
        return true;
    }
}
