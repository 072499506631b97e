using System.Globalization;
using System.Text;

namespace ImpactMeasure.Reports.Models;

/// <summary><c>impact model matched</c>: the matched before/after estimate for people referred to social prescribing
/// in the window, from the registered population (the registered-patients extract) and patient-level GP
/// appointments.</summary>
public sealed class MatchedReport(ImpactMeasure.Warehouse.Warehouse warehouse)
{
    public const int Seed = 20251205;
    public const int Resamples = 2000;

    /// <summary>The twelve months of referrals whose six months after have passed by the end of <paramref name="window"/>.</summary>
    public static ReportWindow ReferralWindow(ReportWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        return ReportWindow.Ending(window.LastMonth.AddMonths(-MatchedBeforeAfter.WindowMonths), 12, window.Area);
    }

    public async Task<MatchedResult> RunAsync(ReportWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        await using var connection = await warehouse.OpenConnectionAsync();
        var people = (await ReportQueries.RunAsync(connection, ReportQueries.RegisteredCohort, window)).Select(r => new RegisteredPerson(
            r.Text("patient_pseudo_id"), r.Text("practice_code"), r.Text("pcn_code"), r.Text("age_band"), r.Text("sex"),
            r.Number("imd_decile") is { } d ? (int)d : null, r.Date("registered_from"),
            r.Text("registered_to").Length == 0 ? null : r.Date("registered_to"), r.Text("referral_date").Length == 0 ? null : r.Date("referral_date"))).ToList();
        if (people.Count == 0)
            throw new ArgumentException("no registered patients in the warehouse: load a registered-patients extract (README, Extract formats)", nameof(window));
        var visits = (await ReportQueries.RunAsync(connection, ReportQueries.RegisteredGpVisits, window, MatchedBeforeAfter.WindowMonths * 31))
            .GroupBy(r => r.Text("patient_pseudo_id"), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(r => r.Date("visit_date")).Order().ToArray(), StringComparer.Ordinal);
        var coverage = (await ReportQueries.RunAsync(connection, ReportQueries.PatientLevelCoverage, window))[0];
        var span = coverage.Text("first_date").Length == 0 ? ((DateOnly, DateOnly)?)null : (coverage.Date("first_date"), coverage.Date("last_date"));
        var result = MatchedBeforeAfter.Estimate(people, visits, window.Start, window.End, span, Seed, Resamples, 0.95);
        if (result.Sets.Count == 0)
            throw new ArgumentException($"none of the {result.Referred} people referred in the window could be matched ({result.NotRegistered} not registered throughout, {result.OutsideData} outside the patient-level data, {result.Unmatched} without a comparison patient)", nameof(window));
        return result;
    }

    public static string Summary(ReportWindow window, MatchedResult result)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(result);
        var sets = result.Sets;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Matched before/after: GP appointments per person in the {MatchedBeforeAfter.WindowMonths} months before and after a first referral to a social prescribing link worker, referrals {window.Describe()}.");
        text.AppendLine();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Estimate: referred people had {result.Effect:+0.00;-0.00} GP appointments each in the {MatchedBeforeAfter.WindowMonths} months after referral against their matched comparison patients (95% CI {result.Lower:+0.00;-0.00} to {result.Upper:+0.00;-0.00}; {result.Effect * 3 / MatchedBeforeAfter.WindowMonths:+0.00;-0.00} a quarter)."));
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Before referral: referred {sets.Average(s => s.Before):0.00} a person, comparison {sets.Average(s => s.ControlBefore):0.00}; after: referred {sets.Average(s => s.After):0.00}, comparison {sets.Average(s => s.ControlAfter):0.00}."));
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Matched {sets.Count:N0} of {result.Referred:N0} people referred in the window with {result.DistinctControls:N0} comparison patients (up to {MatchedBeforeAfter.ControlsPerReferral} each, mean {sets.Average(s => s.Controls):0.0}); left out: {result.NotRegistered:N0} not in the register for the twelve months around their referral, {result.OutsideData:N0} whose twelve months run outside the patient-level data, {result.Unmatched:N0} with no comparison patient."));
        text.AppendLine("Matched on " + string.Join("; ", MatchedBeforeAfter.Levels.Select((l, i) => string.Create(CultureInfo.InvariantCulture, $"{l}: {sets.Count(s => s.Level == i):N0}"))) + ".");
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Interval: bootstrap over the {result.Pcns} PCNs (link workers work for PCNs: referrals of one PCN are not independent), {Resamples:N0} resamples, seed {Seed}, widened for few clusters (ClusterBootstrap)."));
        text.AppendLine();
        text.AppendLine("Published figures to compare (METHODS §3a): Polley et al. 2017 review, GP demand −28% on average after social prescribing (low-quality evidence); a 2025 national staggered difference-in-differences study, 1.13 fewer GP appointments per referred patient per quarter.");
        text.AppendLine();
        text.AppendLine("Method (METHODS §6): each person referred in the window (their first referral) is matched with up to five registered patients of the same practice (else PCN) who were registered throughout the twelve months around the referral date and not referred by its end, of the same sex, age band, deprivation quintile and band of GP use in the six months before (0, 1, 2-3, 4 or more); where none is found deprivation is let go, then the practice (patients of the same PCN); sex and age band never (the counts above). The estimate is the mean over referred people of (after - before) minus their comparison patients' mean (after - before): a difference in differences on matched sets.");
        text.AppendLine();
        text.AppendLine("Assumptions: comparison patients are chosen from the register using nothing after the referral date; matched on practice, demographics and baseline GP use, their change is what the referred people's would have been without the referral (no unmeasured reason for referral that also changes GP use); the patient-level extract holds every GP appointment of registered patients.");
        return text.ToString();
    }

    /// <summary>One row per matched set, for the CSV.</summary>
    public static string Csv(MatchedResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder("term,estimate,lower_95,upper_95,matched,referred,comparison_patients,pcns\n");
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"gp_appointments_change_per_person,{result.Effect:0.######},{result.Lower:0.######},{result.Upper:0.######},{result.Sets.Count},{result.Referred},{result.DistinctControls},{result.Pcns}"));
        return text.ToString();
    }
}
