using System.Globalization;
using System.Text.Json;

namespace ImpactMeasure.SampleData.Tests;

/// <summary>The committed set carries what truth.json says, checked straight from the files.</summary>
public class PlantedEffectTests
{
    private static readonly string Sample = CommittedSample.Folder;
    private static readonly JsonElement Truth = CommittedSample.Truth;

    [Fact]
    public void Appointments_run_at_4_5_to_5_per_registered_patient_a_year()
    {
        var appointments = CsvTable.ReadAll(Path.Combine(Sample, "gpad"), "practice-level-crosstab-*.csv")
            .SelectMany(t => t.Column("COUNT_OF_APPOINTMENTS")).Sum(long.Parse);
        var patientMonths = CsvTable.ReadAll(Path.Combine(Sample, "reference"), "list-size-*.csv")
            .SelectMany(t => t.Column("NUMBER_OF_PATIENTS")).Sum(long.Parse);

        var perYear = appointments / (patientMonths / 12.0);

        perYear.Should().BeInRange(4.5, 5.0);
        appointments.Should().Be(Truth.GetProperty("appointments").GetProperty("total_practice_level_appointments").GetInt64());
    }

    [Fact]
    public void There_is_almost_no_activity_on_bank_holidays_and_a_winter_peak()
    {
        var december = CsvTable.Read(Path.Combine(Sample, "gpad", "subicb-daily-2024-12.csv"));
        var byDay = december.Rows.GroupBy(r => r[5]).ToDictionary(g => g.Key, g => g.Sum(r => long.Parse(r[10], CultureInfo.InvariantCulture)));

        byDay.GetValueOrDefault("25DEC2024").Should().BeLessThan(byDay["02DEC2024"] / 50);
        byDay.GetValueOrDefault("26DEC2024").Should().BeLessThan(byDay["02DEC2024"] / 50);
        MonthTotal("2025-01").Should().BeGreaterThan(MonthTotal("2024-08"));
    }

    [Fact]
    public void The_moving_practice_changes_pcn_in_the_month_truth_names()
    {
        var move = Truth.GetProperty("geography").GetProperty("practice_moving_pcn");
        var code = move.GetProperty("practice_code").GetString();
        var from = move.GetProperty("from_month").GetString()!;
        var before = DateOnly.ParseExact(from + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);

        PcnOf(code!, before).Should().Be(move.GetProperty("from_pcn").GetString());
        PcnOf(code!, from).Should().Be(move.GetProperty("to_pcn").GetString());
    }

    [Fact]
    public void The_overloaded_service_rejects_for_capacity_far_more_from_its_month()
    {
        var overload = Truth.GetProperty("overloaded_service");
        var code = overload.GetProperty("service_code").GetString();
        var from = overload.GetProperty("from_month").GetString()!;
        var finals = FinalOutcomes().Where(e => e.Service == code && e.Outcome is not ("pending" or "declined_by_patient" or "no_response")).ToList();

        double Rate(IEnumerable<(string Service, string Month, string Outcome, string Role)> events)
        {
            var list = events.ToList();
            return (double)list.Count(e => e.Outcome == "rejected_capacity") / list.Count;
        }

        var before = Rate(finals.Where(e => string.CompareOrdinal(e.Month, from) < 0));
        var after = Rate(finals.Where(e => string.CompareOrdinal(e.Month, from) >= 0));
        before.Should().BeApproximately(overload.GetProperty("capacity_rejection_rate_before").GetDouble(), 0.03);
        after.Should().BeApproximately(overload.GetProperty("capacity_rejection_rate_after").GetDouble(), 0.06);
    }

    [Fact]
    public void Inappropriate_referral_rates_by_referrer_role_match_truth()
    {
        var referrals = FinalOutcomes().Where(e => e.Role.Length > 0 && e.Outcome is not ("pending" or "declined_by_patient" or "no_response")).ToList();

        foreach (var role in Truth.GetProperty("inappropriate_referral_rate_by_referrer_role").EnumerateObject())
        {
            var decided = referrals.Where(e => e.Role == role.Name).ToList();
            decided.Count.Should().Be(role.Value.GetProperty("denominator").GetInt32(), role.Name);
            decided.Count(e => e.Outcome == "rejected_inappropriate").Should().Be(role.Value.GetProperty("numerator").GetInt32(), role.Name);
        }
    }

    [Fact]
    public void Pending_events_get_their_outcome_in_the_next_month_under_the_same_id()
    {
        var september = CsvTable.Read(Path.Combine(Sample, "local", "signposting-2024-09.csv"));
        var october = CsvTable.Read(Path.Combine(Sample, "local", "signposting-2024-10.csv"));
        var pending = september.Rows.Where(r => r[11] == "pending").Select(r => r[0]).ToHashSet();

        pending.Should().NotBeEmpty();
        october.Rows.Where(r => pending.Contains(r[0])).Select(r => r[11]).Should().HaveCount(pending.Count).And.NotContain("pending");
    }

    [Fact]
    public void Wellbeing_scores_are_in_range_and_follow_ups_are_partly_missing()
    {
        var scores = CsvTable.ReadAll(Path.Combine(Sample, "local"), "wellbeing-*.csv").SelectMany(t => t.Rows).ToList();
        var swemwbs = scores.Where(r => r[3] == "SWEMWBS").ToList();

        swemwbs.Select(r => int.Parse(r[6], CultureInfo.InvariantCulture)).Should().OnlyContain(s => s >= 7 && s <= 35);
        scores.Where(r => r[3].StartsWith("ONS4", StringComparison.Ordinal)).Select(r => int.Parse(r[6], CultureInfo.InvariantCulture))
            .Should().OnlyContain(s => s >= 0 && s <= 10);
        var followUps = swemwbs.Count(r => r[4] == "followup");
        var baselines = swemwbs.Count(r => r[4] == "baseline");
        ((double)followUps / baselines).Should().BeInRange(0.4, 0.75);
        Truth.GetProperty("wellbeing").GetProperty("by_instrument").GetProperty("SWEMWBS").GetProperty("pairs").GetInt32().Should().Be(followUps);
    }

    private static long MonthTotal(string month) =>
        CsvTable.Read(Path.Combine(Sample, "gpad", $"practice-level-crosstab-{month}.csv")).Column("COUNT_OF_APPOINTMENTS").Sum(long.Parse);

    private static string? PcnOf(string practice, string month) =>
        CsvTable.Read(Path.Combine(Sample, "reference", $"gp-reg-pat-prac-map-{month}.csv")).Rows.Single(r => r[2] == practice)[5];

    // The last outcome published for each event_id.
    private static IEnumerable<(string Service, string Month, string Outcome, string Role)> FinalOutcomes()
    {
        var latest = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var table in CsvTable.ReadAll(Path.Combine(Sample, "local"), "signposting-*.csv"))
        {
            foreach (var row in table.Rows)
                latest[row[0]] = row;
        }
        return latest.Values.Select(r => (r[8], r[1][..7], r[11], r[6]));
    }
}
