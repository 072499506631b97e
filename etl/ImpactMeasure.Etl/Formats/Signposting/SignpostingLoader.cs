using ImpactMeasure.Etl.Loading;
using ImpactMeasure.Etl.Parsing;
using ImpactMeasure.Warehouse.Bulk;
using ImpactMeasure.Warehouse.Sql;

namespace ImpactMeasure.Etl.Formats.Signposting;

/// <summary>Signposting and referral events: validated, NHS numbers pseudonymised, landed in stg_signposting, then
/// new services added to dim_service and the events upserted into fact_signpost (a repeated event_id replaces the
/// earlier version, e.g. with its later outcome).</summary>
public sealed class SignpostingLoader : IFormatLoader
{
    public static readonly string[] Roles = ["care_navigator", "social_prescribing_link_worker", "gp", "nurse", "other"];
    public static readonly string[] ReferrerRoles = ["gp", "nurse", "care_navigator", "self", "other"];
    public static readonly string[] Outcomes =
        ["accepted", "attended", "rejected_capacity", "rejected_inappropriate", "declined_by_patient", "did_not_attend", "no_response", "pending"];
    public static readonly string[] Categories =
        ["community_pharmacy", "physiotherapy_msk", "mental_health", "vcse_group", "social_prescribing", "self_care", "nhs_111", "urgent_care", "dental", "optometry", "local_authority", "other"];
    public static readonly string[] AgeBands = ["0-17", "18-39", "40-64", "65-79", "80+"];
    public static readonly string[] Sexes = ["f", "m", "u"];
    public static readonly string[] YesNo = ["y", "n", "yes", "no"];

    private static readonly BulkColumn[] Columns =
    [
        new("load_batch_id", BulkColumnType.BigInt), new("line_number", BulkColumnType.BigInt), new("event_id", BulkColumnType.Text),
        new("event_date", BulkColumnType.Date), new("practice_code", BulkColumnType.Text), new("role_code", BulkColumnType.Text),
        new("patient_pseudo_id", BulkColumnType.Text), new("requested_gp_appointment", BulkColumnType.Boolean),
        new("referrer_role_code", BulkColumnType.Text), new("reason_code", BulkColumnType.Text), new("reason_snomed", BulkColumnType.Text),
        new("service_code", BulkColumnType.Text), new("service_name", BulkColumnType.Text), new("service_category", BulkColumnType.Text),
        new("outcome_code", BulkColumnType.Text), new("outcome_date", BulkColumnType.Date), new("age_band", BulkColumnType.Text),
        new("sex", BulkColumnType.Text), new("imd_decile", BulkColumnType.Integer), new("days_to_outcome", BulkColumnType.Integer),
        new("practice_key", BulkColumnType.Integer),
    ];

    public bool Supersedes => false;

    public async Task LoadAsync(LoadContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var checks = new LocalRowChecks(context);
        var practices = await context.PracticesAsync();
        var reasons = (await context.Connection.RowsAsync(EtlSql.Statement(SignpostingFormat.ReasonsScript))).Select(r => (string)r[0]!).ToHashSet(StringComparer.Ordinal);
        var dates = new DateCache();
        await using (var writer = await context.Warehouse.StartBulkWriteAsync(context.Connection, "stg_signposting", Columns))
        {
            while (context.NextRow())
            {
                var row = Read(context, checks, dates, reasons);
                if (row is null)
                    continue;
                var practiceKey = practices.KeyOrInfer(row.PracticeCode, row.EventDate);
                if (practices.IsUnplaced(practiceKey))
                    context.Counters.SeeUnknown(row.PracticeCode);
                context.Counters.SeePeriod(row.EventDate);
                await writer.WriteRowAsync(context.BatchId, context.Rows.LineNumber, row.EventId, row.EventDate, row.PracticeCode, row.Role,
                    row.PatientId, row.RequestedGp, row.ReferrerRole, row.Reason, row.Snomed, row.ServiceCode, row.ServiceName,
                    row.Category, row.Outcome, row.OutcomeDate, row.AgeBand, row.Sex?.ToUpperInvariant(), row.ImdDecile,
                    row.OutcomeDate is { } od ? od.DayNumber - row.EventDate.DayNumber : null, practiceKey);
                context.Counters.RowsLoaded++;
            }
            await writer.CompleteAsync();
        }
        await context.LandedAsync("stg_signposting");
        var highestKey = await context.Connection.ScalarAsync<long>(EtlSql.Statement(SignpostingFormat.HighestKeyScript));
        await context.Connection.ExecuteScriptAsync(EtlSql.Read(SignpostingFormat.DimServiceScript), context.BatchId);
        await practices.SaveInferredAsync(context);
        // The script's first statement deletes the events this batch re-issues: they are the rows it updates.
        context.Counters.RowsUpdated = (await context.Connection.ExecuteScriptAsync(EtlSql.Read(SignpostingFormat.FactScript), context.BatchId, highestKey))[0];
    }

    private sealed record Row(string EventId, DateOnly EventDate, string PracticeCode, string Role, string PatientId, bool? RequestedGp,
        string? ReferrerRole, string? Reason, string? Snomed, string ServiceCode, string ServiceName, string Category, string Outcome,
        DateOnly? OutcomeDate, string? AgeBand, string? Sex, int? ImdDecile);

    private static Row? Read(LoadContext context, LocalRowChecks checks, DateCache dates, HashSet<string> reasons)
    {
        var eventId = context.Value("event_id");
        if (eventId.IsEmpty || eventId.Length > 64)
        {
            context.Reject("event_id", eventId, eventId.IsEmpty ? "is empty: every event needs its id" : "is longer than 64 characters");
            return null;
        }
        if (!checks.Date(dates, "event_date", optional: false, out var eventDate)
            || checks.PracticeCode() is not { } practice
            || !checks.OneOf("role", Roles, optional: false, out var role)
            || checks.PatientId() is not { } patient
            || !checks.OneOf("requested_gp_appointment", YesNo, optional: true, out var requested)
            || !checks.OneOf("referrer_role", ReferrerRoles, optional: true, out var referrer)
            || !checks.OneOf("destination_category", Categories, optional: false, out var category)
            || !checks.OneOf("outcome", Outcomes, optional: false, out var outcome)
            || !checks.Date(dates, "outcome_date", optional: true, out var outcomeDate)
            || !checks.OneOf("age_band", AgeBands, optional: true, out var ageBand)
            || !checks.OneOf("sex", Sexes, optional: true, out var sex)
            || !checks.Decile(out var decile))
        {
            return null;
        }
        var service = context.Value("destination_service_code");
        if (service.IsEmpty)
        {
            context.Reject("destination_service_code", service, "is empty: every event needs the service it signposted to");
            return null;
        }
        if (outcomeDate < eventDate)
        {
            context.Reject("outcome_date", context.Value("outcome_date"), $"is before the event date {eventDate:yyyy-MM-dd}");
            return null;
        }
        var reason = context.Value("reason_code").ToString().ToLowerInvariant();
        return new Row(eventId.ToString(), eventDate!.Value, practice, role!, patient, requested is null ? null : requested is "y" or "yes", referrer,
            reasons.Contains(reason) ? reason : reason.Length == 0 ? null : "unknown", Optional(context, "reason_snomed"),
            service.ToString(), context.Value("destination_service_name").ToString(), category!, outcome!, outcomeDate, ageBand, sex, decile);
    }

    private static string? Optional(LoadContext context, string column) => context.Value(column) is { IsEmpty: false } v ? v.ToString() : null;
}
