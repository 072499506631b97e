using System.Globalization;
using ImpactMeasure.Etl.Loading;
using ImpactMeasure.Etl.Parsing;
using ImpactMeasure.Warehouse.Bulk;
using ImpactMeasure.Warehouse.Sql;

namespace ImpactMeasure.Etl.Formats.Wellbeing;

/// <summary>Wellbeing scores: each range-checked for its instrument (dim_instrument), landed, then upserted into
/// fact_wellbeing.</summary>
public sealed class WellbeingLoader : IFormatLoader
{
    public static readonly string[] Timepoints = ["baseline", "followup"];

    private static readonly BulkColumn[] Columns =
    [
        new("load_batch_id", BulkColumnType.BigInt), new("line_number", BulkColumnType.BigInt), new("referral_id", BulkColumnType.Text),
        new("patient_pseudo_id", BulkColumnType.Text), new("practice_code", BulkColumnType.Text), new("instrument_code", BulkColumnType.Text),
        new("timepoint", BulkColumnType.Text), new("measured_on", BulkColumnType.Date), new("score", BulkColumnType.Numeric), new("practice_key", BulkColumnType.Integer),
    ];

    public bool Supersedes => false;

    public async Task LoadAsync(LoadContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var checks = new LocalRowChecks(context);
        var practices = await context.PracticesAsync();
        var ranges = (await context.Connection.RowsAsync(EtlSql.Statement(WellbeingFormat.RangesScript)))
            .ToDictionary(r => (string)r[0]!, r => (Min: Convert.ToDecimal(r[1], CultureInfo.InvariantCulture), Max: Convert.ToDecimal(r[2], CultureInfo.InvariantCulture)), StringComparer.Ordinal);
        var dates = new DateCache();
        await using (var writer = await context.Warehouse.StartBulkWriteAsync(context.Connection, "stg_wellbeing", Columns))
        {
            while (context.NextRow())
            {
                var referral = context.Value("referral_id");
                if (referral.IsEmpty)
                {
                    context.Reject("referral_id", referral, "is empty: every score belongs to a referral");
                    continue;
                }
                if (checks.PracticeCode() is not { } practice || checks.PatientId() is not { } patient
                    || !checks.OneOf("timepoint", Timepoints, optional: false, out var timepoint)
                    || !checks.Date(dates, "measured_on", optional: false, out var measured))
                {
                    continue;
                }
                var instrument = context.Value("instrument").ToString().ToUpperInvariant();
                if (!ranges.TryGetValue(instrument, out var range))
                {
                    context.Reject("instrument", context.Value("instrument"), $"is not one of {string.Join(", ", ranges.Keys)}");
                    continue;
                }
                // Every instrument is scored in whole raw points: 20.9 is a transcription error, not a score of 20.
                if (!decimal.TryParse(context.Value("score"), NumberStyles.Number, CultureInfo.InvariantCulture, out var score) || score < range.Min || score > range.Max
                    || score != decimal.Truncate(score))
                {
                    context.Reject("score", context.Value("score"), $"is not a {instrument} score (a whole number from {range.Min:0} to {range.Max:0})");
                    continue;
                }
                var practiceKey = practices.KeyOrInfer(practice, measured!.Value);
                if (practices.IsUnplaced(practiceKey))
                    context.Counters.SeeUnknown(practice);
                context.Counters.SeePeriod(measured.Value);
                await writer.WriteRowAsync(context.BatchId, context.Rows.LineNumber, referral.ToString(), patient, practice, instrument, timepoint, measured, score, practiceKey);
                context.Counters.RowsLoaded++;
            }
            await writer.CompleteAsync();
        }
        await context.LandedAsync("stg_wellbeing");
        await practices.SaveInferredAsync(context);
        await context.Connection.ExecuteScriptAsync(EtlSql.Read(WellbeingFormat.FactScript), context.BatchId);
    }
}
