using ImpactMeasure.Etl.Loading;
using ImpactMeasure.Etl.Parsing;
using ImpactMeasure.Warehouse.Bulk;
using ImpactMeasure.Warehouse.Calendar;

namespace ImpactMeasure.Etl.Formats.SubIcb;

/// <summary>The GPAD sub-ICB files (daily, monthly Regional CSV, daily national category, daily actual
/// duration) into fact_subicb_appointments at their own grain, keys resolved in memory.</summary>
public sealed class SubIcbAppointmentsLoader : IFormatLoader
{
    private static readonly BulkColumn[] Columns =
    [
        new("sub_icb_code", BulkColumnType.Text),
        new("date_key", BulkColumnType.Integer),
        new("period_grain", BulkColumnType.Text),
        new("appointment_profile_key", BulkColumnType.Integer),
        new("appointment_count", BulkColumnType.BigInt),
        new("load_batch_id", BulkColumnType.BigInt),
    ];

    public bool Supersedes => true;

    public bool StreamsOnly => true;

    public GrainSupersession? Grain => SubIcbFormats.Grain;

    public async Task LoadAsync(LoadContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var profiles = await AppointmentProfiles.LoadAsync(context.Connection, context.Vocabulary);
        var monthly = context.Map.Has("appointment_month");
        var gpad = new GpadCountRow(context, monthly ? "appointment_month" : "appointment_date");
        var codeColumn = context.Map["sub_icb_location_code"];
        var repeats = new RepeatedKeys(context);
        var lastCode = "";
        await using (var writer = await context.Warehouse.StartBulkWriteAsync(context.Connection, "fact_subicb_appointments", Columns))
        {
            while (context.NextRow())
            {
                if (!gpad.TryRead(out var date, out var count))
                    continue;
                var code = context.Rows[codeColumn].Trim();
                if (code.IsEmpty)
                {
                    context.Reject("sub_icb_location_code", code, "is empty: every row needs its sub-ICB code");
                    continue;
                }
                var day = monthly ? new DateOnly(date.Year, date.Month, 1) : date;
                var profileKey = profiles.KeyOf(gpad.Ordinals);
                if (repeats.IsRepeat(code, DateDimension.KeyOf(day), profileKey))
                    continue;
                if (!code.SequenceEqual(lastCode))
                {
                    lastCode = code.ToString();
                    context.Counters.ScopeCodes.Add(lastCode);
                }
                context.Counters.SeePeriod(day);
                writer.StartRow();
                writer.Write(lastCode);
                writer.Write(DateDimension.KeyOf(day));
                writer.Write(monthly ? "month" : "day");
                writer.Write(profileKey);
                writer.Write(count);
                writer.Write(context.BatchId);
                writer.EndRow();
                context.Counters.RowsLoaded++;
            }
            await writer.CompleteAsync();
        }
        await profiles.InsertNewAsync(context.Warehouse, context.Connection);
    }
}
