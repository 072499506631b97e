using ImpactMeasure.Etl.Formats.Signposting;
using ImpactMeasure.Etl.Loading;
using ImpactMeasure.Etl.Parsing;
using ImpactMeasure.Warehouse.Bulk;
using ImpactMeasure.Warehouse.Sql;

namespace ImpactMeasure.Etl.Formats.RegisteredPatients;

/// <summary>Registrations: each patient's practice, age band, sex, deprivation decile and registration dates,
/// validated, NHS numbers pseudonymised, landed, then upserted into dim_registered_patient.</summary>
public sealed class RegisteredPatientsLoader : IFormatLoader
{
    private static readonly BulkColumn[] Columns =
    [
        new("load_batch_id", BulkColumnType.BigInt), new("line_number", BulkColumnType.BigInt), new("patient_pseudo_id", BulkColumnType.Text),
        new("practice_code", BulkColumnType.Text), new("practice_key", BulkColumnType.Integer), new("age_band", BulkColumnType.Text),
        new("sex", BulkColumnType.Text), new("imd_decile", BulkColumnType.Integer), new("registered_from", BulkColumnType.Date),
        new("registered_to", BulkColumnType.Date),
    ];

    public bool Supersedes => false;

    public async Task LoadAsync(LoadContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var checks = new LocalRowChecks(context);
        var practices = await context.PracticesAsync();
        var dates = new DateCache();
        await using (var writer = await context.Warehouse.StartBulkWriteAsync(context.Connection, "stg_registered_patients", Columns))
        {
            while (context.NextRow())
            {
                if (checks.PracticeCode() is not { } practice || checks.PatientId() is not { } patient
                    || !checks.OneOf("age_band", SignpostingLoader.AgeBands, optional: false, out var ageBand)
                    || !checks.OneOf("sex", SignpostingLoader.Sexes, optional: false, out var sex)
                    || !checks.Decile(out var decile)
                    || !checks.Date(dates, "registration_start", optional: false, out var from)
                    || !checks.Date(dates, "registration_end", optional: true, out var to))
                {
                    continue;
                }
                if (to < from)
                {
                    context.Reject("registration_end", context.Value("registration_end"), $"is before registration_start ({from:yyyy-MM-dd})");
                    continue;
                }
                var practiceKey = practices.KeyOrInfer(practice, from!.Value);
                if (practices.IsUnplaced(practiceKey))
                    context.Counters.SeeUnknown(practice);
                context.Counters.SeePeriod(from.Value);
                await writer.WriteRowAsync(context.BatchId, context.Rows.LineNumber, patient, practice, practiceKey, ageBand, sex!.ToUpperInvariant(), decile, from, to);
                context.Counters.RowsLoaded++;
            }
            await writer.CompleteAsync();
        }
        await context.LandedAsync("stg_registered_patients");
        await practices.SaveInferredAsync(context);
        // The script's first statement deletes the registrations this batch re-issues: they are the rows it updates.
        context.Counters.RowsUpdated = (await context.Connection.ExecuteScriptAsync(EtlSql.Read(RegisteredPatientsFormat.DimensionScript), context.BatchId))[0];
    }
}
