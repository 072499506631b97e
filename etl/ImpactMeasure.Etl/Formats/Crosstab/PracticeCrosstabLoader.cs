using ImpactMeasure.Etl.Loading;
using ImpactMeasure.Etl.Parsing;
using ImpactMeasure.Warehouse.Bulk;
using ImpactMeasure.Warehouse.Calendar;

namespace ImpactMeasure.Etl.Formats.Crosstab;

/// <summary>The GPAD practice-level crosstab: the hot path. Keys (practice version, month, profile) are resolved
/// in memory and integer rows go straight into fact_appointments by bulk load.</summary>
public sealed class PracticeCrosstabLoader : IFormatLoader
{
    private static readonly BulkColumn[] Columns =
    [
        new("practice_key", BulkColumnType.Integer),
        new("date_key", BulkColumnType.Integer),
        new("appointment_profile_key", BulkColumnType.Integer),
        new("appointment_count", BulkColumnType.BigInt),
        new("load_batch_id", BulkColumnType.BigInt),
    ];

    public bool Supersedes => true;

    public bool StreamsOnly => true;

    public GrainSupersession? Grain => CrosstabFormat.Grain;

    public async Task LoadAsync(LoadContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var practices = await context.PracticesAsync();
        var profiles = await AppointmentProfiles.LoadAsync(context.Connection, context.Vocabulary);
        var gpad = new GpadCountRow(context, "appointment_month_start_date");
        var repeats = new RepeatedKeys(context);
        var codeColumn = context.Map["gp_code"];
        var lastCode = "";
        await using (var writer = await context.Warehouse.StartBulkWriteAsync(context.Connection, "fact_appointments", Columns))
        {
            while (context.NextRow())
            {
                if (!gpad.TryRead(out var date, out var count))
                    continue;
                var month = new DateOnly(date.Year, date.Month, 1);
                var code = context.Rows[codeColumn].Trim();
                var practiceKey = practices.KeyOf(code, month);
                if (practiceKey == 0 && OdsCodes.IsPracticeCode(code))
                    practiceKey = practices.KeyOrInfer(code, month, () => Describe(context));
                var profileKey = profiles.KeyOf(gpad.Ordinals);
                if (repeats.IsRepeat(code, DateDimension.KeyOf(month), profileKey))
                    continue;
                if (practices.IsUnplaced(practiceKey))
                    context.Counters.SeeUnknown(code);
                if (!code.SequenceEqual(lastCode))
                {
                    lastCode = code.ToString();
                    context.Counters.ScopeCodes.Add(lastCode);
                }
                context.Counters.SeePeriod(month);
                writer.StartRow();
                writer.Write(practiceKey);
                writer.Write(DateDimension.KeyOf(month));
                writer.Write(profileKey);
                writer.Write(count);
                writer.Write(context.BatchId);
                writer.EndRow();
                context.Counters.RowsLoaded++;
            }
            await writer.CompleteAsync();
        }
        await profiles.InsertNewAsync(context.Warehouse, context.Connection);
        await practices.SaveInferredAsync(context);
    }

    // Every crosstab row carries its practice's name, PCN and sub-ICB: enough to place a practice no map names yet.
    private static InferredPractice Describe(LoadContext context)
    {
        string? Text(string column) => context.Value(column) is { IsEmpty: false } value ? value.ToString() : null;
        return new InferredPractice(context.Value("gp_code").ToString(), Text("gp_name"), Text("pcn_code"), Text("pcn_name"),
            Text("sub_icb_location_code"), Text("sub_icb_location_name"), Text("supplier"));
    }
}
