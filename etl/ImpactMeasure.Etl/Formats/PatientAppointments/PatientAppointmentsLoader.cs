using System.Globalization;
using ImpactMeasure.Etl.Loading;
using ImpactMeasure.Etl.Parsing;
using ImpactMeasure.Warehouse.Bulk;
using ImpactMeasure.Warehouse.Sql;

namespace ImpactMeasure.Etl.Formats.PatientAppointments;

/// <summary>Patient-level appointments (GPAD vocabularies), NHS numbers pseudonymised, landed, then upserted into
/// fact_patient_appointment by appointment_id.</summary>
public sealed class PatientAppointmentsLoader : IFormatLoader
{
    private static readonly BulkColumn[] Columns =
    [
        new("load_batch_id", BulkColumnType.BigInt), new("line_number", BulkColumnType.BigInt), new("appointment_id", BulkColumnType.Text),
        new("practice_code", BulkColumnType.Text), new("patient_pseudo_id", BulkColumnType.Text), new("appointment_date", BulkColumnType.Date),
        new("appointment_profile_key", BulkColumnType.Integer), new("duration_minutes", BulkColumnType.Integer),
        new("practice_key", BulkColumnType.Integer),
    ];

    public bool Supersedes => false;

    public async Task LoadAsync(LoadContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var checks = new LocalRowChecks(context);
        var practices = await context.PracticesAsync();
        var profiles = await AppointmentProfiles.LoadAsync(context.Connection, context.Vocabulary);
        var attributes = new GpadAttributeReader(context);
        var dates = new DateCache();
        var ordinals = new int[GpadVocabulary.Attributes.Length];
        await using (var writer = await context.Warehouse.StartBulkWriteAsync(context.Connection, "stg_patient_appointments", Columns))
        {
            while (context.NextRow())
            {
                var id = context.Value("appointment_id");
                if (id.IsEmpty)
                {
                    context.Reject("appointment_id", id, "is empty: every appointment needs its id");
                    continue;
                }
                if (checks.PracticeCode() is not { } practice || checks.PatientId() is not { } patient
                    || !checks.Date(dates, "appointment_date", optional: false, out var date) || !attributes.TryRead(context, ordinals)
                    || !Minutes(context, out var minutes))
                {
                    continue;
                }
                var practiceKey = practices.KeyOrInfer(practice, date!.Value);
                if (practices.IsUnplaced(practiceKey))
                    context.Counters.SeeUnknown(practice);
                context.Counters.SeePeriod(date.Value);
                await writer.WriteRowAsync(context.BatchId, context.Rows.LineNumber, id.ToString(), practice, patient, date, profiles.KeyOf(ordinals), minutes, practiceKey);
                context.Counters.RowsLoaded++;
            }
            await writer.CompleteAsync();
        }
        await context.LandedAsync("stg_patient_appointments");
        await profiles.InsertNewAsync(context.Warehouse, context.Connection);
        await practices.SaveInferredAsync(context);
        // The script's first statement deletes the appointments this batch re-issues: they are the rows it updates.
        context.Counters.RowsUpdated = (await context.Connection.ExecuteScriptAsync(EtlSql.Read(PatientAppointmentsFormat.FactScript), context.BatchId))[0];
    }

    private static bool Minutes(LoadContext context, out int? minutes)
    {
        var raw = context.Value("duration_minutes");
        minutes = null;
        if (raw.IsEmpty)
            return true;
        if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= 600)
        {
            minutes = value;
            return true;
        }
        context.Reject("duration_minutes", raw, "is not a whole number of minutes from 0 to 600");
        return false;
    }
}
