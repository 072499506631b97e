using Google.OrTools.LinearSolver;

namespace ImpactMeasure.Reports.Tests.Disclosure;

/// <summary>An attacker who reads every file of a release and writes down every linear relation a careful reader
/// knows between its figures — totals over practices, PCNs (from the public practice-to-PCN map), months, services
/// and referrer roles; decisions = accepted + rejected for capacity + rejected as inappropriate; the bounds between
/// outcomes; the same count in two files; a published rate or mean against its counts at the precision shown; freed
/// appointments = diverted − re-presented — then asks a linear program for the least and greatest value of every
/// [c]. Written from METHODS and the file layouts, independently of the suppression code it judges.</summary>
internal sealed class ReleaseAttacker
{
    private const double RateHalfStep = 0.0005;
    private readonly Dictionary<string, double?> _cells = [];
    private readonly List<(Dictionary<string, double> Terms, double Lower, double Upper)> _relations = [];
    private readonly List<(string Practice, string Pcn)> _members;
    private readonly DateOnly? _singleMonth;
    private readonly int _rounding;

    /// <param name="members">The public practice-to-PCN map for the window.</param>
    /// <param name="singleMonth">The month of a one-month release (a pack): its window rows are that month's.</param>
    /// <param name="rounding">The base published counts are rounded to (a published count c is then c ± base/2,
    /// and figures computed from published counts tell nothing more).</param>
    public ReleaseAttacker(IEnumerable<(string Practice, string Pcn)> members, DateOnly? singleMonth = null, int rounding = 0)
    {
        _members = [.. members];
        _singleMonth = singleMonth;
        _rounding = rounding;
    }

    /// <summary>Every count the files show, published or [c], by its address.</summary>
    public IReadOnlyDictionary<string, double?> Cells => _cells;

    private string Address(string measure, string geo = "all", string service = "all", string month = "W", string role = "all", string referrer = "all", string group = "all") =>
        string.Join('|', measure, geo, service, month == "W" && _singleMonth is { } m ? Month(m) : month, role, referrer, group);

    private static string Month(DateOnly month) => month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    public void ReadFolder(string folder)
    {
        foreach (var path in Directory.GetFiles(folder, "*.csv").Order(StringComparer.Ordinal))
            Read(PublishedFile.Read(path));
        AddSums();
    }

    private void Read(PublishedFile file)
    {
        foreach (var row in file.Rows)
        {
            switch (file.Name)
            {
                case "freed_gp_time":
                    var geo = Geo(row["breakdown"], row["code"]);
                    foreach (var (column, measure) in FollowUpColumns.Concat([("signposted", "signposted"), ("attended", "nav_attended"), ("no_response", "no_response")]))
                        Cell(Address(measure, geo), row[column]);
                    // With every event followed up, freed = complete − re-presented exactly (else it mixes in a rate).
                    if (row["rate_source"] == "observed" && row["follow_up_incomplete"] == "0" && row["no_patient_level_data"] == "0")
                        Relation(new() { [Address("follow_up_complete", geo)] = 1, [Address("represented", geo)] = -1 }, row["freed_central"], 0.05);
                    break;
                case "representation":
                    foreach (var (column, measure) in FollowUpColumns.Where(c => row.ContainsKey(c.Column)))
                        Cell(Address(measure), row[column]);
                    if (row["source"] == "observed")
                        Rate(Address("represented"), Address("follow_up_complete"), row["representation_rate"]);
                    break;
                case "referral_outcomes":
                    var (g, service, month) = row["breakdown"] switch
                    {
                        "service" => ("all", row["code"], "W"),
                        "month" => ("all", "all", row["code"]),
                        _ => (Geo(row["breakdown"], row["code"]), "all", "W"),
                    };
                    string A(string m) => Address(m, g, service, month);
                    foreach (var m in new[] { "referrals", "with_service_decision", "accepted_by_service", "rejected_capacity", "rejected_inappropriate", "declined_by_patient", "pending" })
                        Cell(A(m), row[m]);
                    Rate(A("accepted_by_service"), A("with_service_decision"), row["acceptance_rate"]);
                    Rate(A("rejected_capacity"), A("with_service_decision"), row["capacity_rejection_rate"]);
                    Rate(A("rejected_inappropriate"), A("with_service_decision"), row["inappropriate_rate"]);
                    if (_rounding <= 1 && PublishedFile.Number(row["patient_uptake"]) is { } uptake)
                    {
                        // uptake × (referrals − pending) = referrals − pending − declined, to the precision shown.
                        foreach (var (u, lower) in new[] { (uptake - RateHalfStep, true), (uptake + RateHalfStep, false) })
                        {
                            var terms = new Dictionary<string, double> { [A("referrals")] = 1 - u, [A("pending")] = -(1 - u), [A("declined_by_patient")] = -1 };
                            _relations.Add(lower ? (terms, double.NegativeInfinity, 0) : (terms, 0, double.PositiveInfinity));
                        }
                    }
                    break;
                case "service_overload":
                    Cell(Address("with_service_decision", service: row["service_code"], month: row["month"]), row["with_service_decision"]);
                    Cell(Address("rejected_capacity", service: row["service_code"], month: row["month"]), row["rejected_capacity"]);
                    Rate(Address("rejected_capacity", service: row["service_code"], month: row["month"]), Address("with_service_decision", service: row["service_code"], month: row["month"]), row["capacity_rejection_rate"]);
                    break;
                case "sp_caseload":
                    var when = row["month"] == "all" ? "W" : row["month"];
                    foreach (var (column, measure) in new[] { ("referrals_received", "referrals"), ("people_seen", "attended"), ("declined_by_patient", "declined_by_patient"), ("rejected_inappropriate", "rejected_inappropriate"), ("pending", "pending") })
                        Cell(Address(measure, month: when, role: "splw"), row[column]);
                    break;
                case "sp_referral_sources":
                    foreach (var m in new[] { "referrals", "with_service_decision", "rejected_inappropriate" })
                        Cell(Address(m, role: "splw", referrer: row["referrer_role"]), row[m]);
                    Rate(Address("rejected_inappropriate", role: "splw", referrer: row["referrer_role"]), Address("with_service_decision", role: "splw", referrer: row["referrer_role"]), row["inappropriate_rate"]);
                    Rate(Address("referrals", role: "splw", referrer: row["referrer_role"]), Address("referrals", role: "splw"), row["share_of_referrals"]);
                    break;
                case "wellbeing_change":
                    foreach (var m in new[] { "people_due", "people_with_both", "lost_to_follow_up", "people_improved" })
                        Cell(Address(m, group: row["instrument"]), row[m]);
                    Rate(Address("people_improved", group: row["instrument"]), Address("people_with_both", group: row["instrument"]), row["share_improved"]);
                    Rate(Address("people_with_both", group: row["instrument"]), Address("people_due", group: row["instrument"]), row["completeness"]);
                    break;
                case "sp_gp_use":
                    Cell(Address("people_referred"), row["people_referred"]);
                    Cell(Address("comparison_patients"), row["comparison_patients"]);
                    break;
                case "sp_gp_use_earlier_referrals":
                    // The pack's GP use for an earlier year of referrals: counts of their own window.
                    Cell(Address("people_referred", month: "gp-use-referrals"), row["people_referred"]);
                    Cell(Address("comparison_patients", month: "gp-use-referrals"), row["comparison_patients"]);
                    break;
                case "headline":
                    ReadHeadline(row);
                    break;
                case "comparator":
                    ReadComparator(row);
                    break;
                case "equity":
                    // A patient group's counts; each family of groups adds up to the release's total (AddSums).
                    var group = (row["breakdown"] switch { "imd" => "imd:", "age" => "age:", _ => "sex:" }) + EquityGroup(row["breakdown"], row["group"]);
                    foreach (var m in new[] { "referrals", "with_service_decision", "accepted_by_service", "rejected_inappropriate" })
                        Cell(Address(m, group: group), row[m]);
                    Rate(Address("referrals", group: group), Address("referrals"), row["share_of_referrals"]);
                    Rate(Address("accepted_by_service", group: group), Address("with_service_decision", group: group), row["acceptance_rate"]);
                    Rate(Address("rejected_inappropriate", group: group), Address("with_service_decision", group: group), row["inappropriate_rate"]);
                    if (row.ContainsKey("signposted"))
                    {
                        Cell(Address("signposted", group: group), row["signposted"]);
                        Cell(Address("diverted", group: group), row["diverted"]);
                        Rate(Address("diverted", group: group), Address("signposted", group: group), row["diversion_rate"]);
                    }
                    break;
                case "equity_wellbeing":
                    // A patient group on one instrument; each family's groups add up to the instrument's totals (AddSums).
                    var onInstrument = (row["breakdown"] switch { "imd" => "imd:", "age" => "age:", _ => "sex:" }) + EquityGroup(row["breakdown"], row["group"])
                        + "@" + row["instrument"];
                    Cell(Address("people_with_both", group: onInstrument), row["people_with_both"]);
                    Cell(Address("people_improved", group: onInstrument), row["people_improved"]);
                    Rate(Address("people_improved", group: onInstrument), Address("people_with_both", group: onInstrument), row["improvement_rate"]);
                    break;
                case "inequality":
                    // Indices fitted to the quintiles' rates, themselves published beside their counts: nothing more.
                    break;
                case "pcn_benchmark":
                    ReadBenchmark(row, "pcn:" + row["pcn_code"]);
                    break;
                case "practice_benchmark":
                    ReadBenchmark(row, "practice:" + row["practice_code"]);
                    break;
                case "pcn_sp_caseload":
                    // A PCN's link-worker referrals and people seen add up to the caseload's totals (AddSums).
                    Cell(Address("referrals", "pcn:" + row["pcn_code"], role: "splw"), row["referrals_received"]);
                    Cell(Address("attended", "pcn:" + row["pcn_code"], role: "splw"), row["people_seen"]);
                    break;
                case "pcn_wellbeing":
                    Cell(Address("people_with_both", "pcn:" + row["pcn_code"], group: row["instrument"]), row["people_with_both"]);
                    Cell(Address("people_improved", "pcn:" + row["pcn_code"], group: row["instrument"]), row["people_improved"]);
                    break;
                case var spcTable when spcTable.StartsWith("spc_", StringComparison.Ordinal):
                    // A count series' months are the release's cells and each phase's mean their average; rate and
                    // GPAD-context series add no count relation the attacker could use beyond the cells they rest on.
                    var spcMonth = Month(DateOnly.ParseExact(row["month"], "MMM yyyy", System.Globalization.CultureInfo.InvariantCulture));
                    if (SeriesAddress(spcTable["spc_".Length..], spcMonth) is { } address)
                    {
                        Cell(address, row["value"]);
                        _spc.Add((spcTable, address, row["mean"], row["phase"]));
                    }
                    break;
                default:
                    throw new InvalidOperationException($"the attacker does not know the file {file.Name}: teach it the file's relations");
            }
        }
    }

    private readonly List<(string Series, string Cell, string Mean, string Phase)> _spc = [];

    private string? SeriesAddress(string key, string month) => key switch
    {
        "signposting_events" => Address("signposted", month: month),
        "patients_diverted" => Address("diverted", month: month),
        "gp_appointments_freed" => Address("freed", month: month),
        "sp_referrals" => Address("referrals", month: month, role: "splw"),
        _ => null,
    };

    // The counts behind freed appointments and re-presentation: column and measure.
    private static readonly (string Column, string Measure)[] FollowUpColumns =
    [
        ("diverted", "diverted"), ("diverted_not_requested", "not_requested"), ("follow_up_complete", "follow_up_complete"), ("represented", "represented"),
        ("follow_up_incomplete", "follow_up_incomplete"), ("no_patient_level_data", "no_patient_level_data"), ("requested_blank", "requested_blank"),
    ];

    // The headline's counts are the release's cells in three months; freed = diverted − re-presented.
    private void ReadHeadline(IReadOnlyDictionary<string, string> row)
    {
        var period = _singleMonth ?? throw new InvalidOperationException("a headline table belongs to a one-month release");
        foreach (var (column, month) in new[] { ("this_month", period), ("previous_month", period.AddMonths(-1)), ("same_month_last_year", period.AddMonths(-12)) })
        {
            var m = Month(month);
            if (HeadlineMeasure(row["measure"]) is (string measure, string role))
                Cell(Address(measure, month: m, role: role), row[column]);
        }
    }

    // A PCN pack's comparison with its ICB this month: the PCN's counts are the headline's; the ICB's are counts of
    // their own that the PCN's cannot exceed.
    private void ReadComparator(IReadOnlyDictionary<string, string> row)
    {
        var month = Month(_singleMonth ?? throw new InvalidOperationException("a comparator table belongs to a one-month release"));
        if (HeadlineMeasure(row["measure"]) is not (string measure, string role))
            return;
        var (pcn, icb) = (Address(measure, month: month, role: role), Address(measure, geo: "icb", month: month, role: role));
        Cell(pcn, row["area"]);
        Cell(icb, row["comparator"]);
        _relations.Add((new() { [icb] = 1, [pcn] = -1 }, 0, double.PositiveInfinity));
    }

    // The equity file prints labels; the release addresses groups by code.
    private static string EquityGroup(string family, string label) => (family, label) switch
    {
        ("imd", _) => label.Split(' ')[0],
        ("sex", "Female") => "F",
        ("sex", "Male") => "M",
        ("sex", _) => "U",
        _ => label,
    };

    // A benchmark numerator is a PCN's count over the window, the same cell as in the metric files; wellbeing's is the
    // sum over the PCN's instruments (AddSums, once every file is read). Means and minutes add nothing a count can use.
    private void ReadBenchmark(IReadOnlyDictionary<string, string> row, string geo)
    {
        var (measure, role) = row["indicator"] switch
        {
            "diverted_share" or "diverted_per_1000_patients" => ("diverted", "all"),
            "signposting_per_1000_gp_appointments" => ("signposted", "all"),
            "acceptance_rate" => ("accepted_by_service", "all"),
            "capacity_rejection_rate" => ("rejected_capacity", "all"),
            "inappropriate_referral_rate" => ("rejected_inappropriate", "all"),
            "representation_rate" => ("represented", "all"),
            "freed_per_1000_patients" => ("freed", "all"),
            "sp_referrals_per_1000_patients" => ("referrals", "splw"),
            _ => ((string?)null, "all"),
        };
        if (row["indicator"] == "wellbeing_improvement_rate")
            _wellbeingSums.Add((geo, row["numerator"], row["denominator"]));
        if (measure is not null)
            Cell(Address(measure, geo, role: role), row["numerator"]);
        if (row["indicator"] is "diverted_share")
            Cell(Address("signposted", geo), row["denominator"]);
        if (row["indicator"] is "representation_rate")
            Cell(Address("follow_up_complete", geo), row["denominator"]);
    }

    private readonly List<(string Geo, string Improved, string WithBoth)> _wellbeingSums = [];

    // The count measures of the headline table: their address's measure and role.
    private static (string Measure, string Role)? HeadlineMeasure(string name) => name switch
    {
        "Care navigation signposting events" => ("signposted", "all"),
        "Patients diverted from a GP appointment" => ("diverted", "all"),
        "GP appointments freed (central estimate)" => ("freed", "all"),
        "Social prescribing referrals" => ("referrals", "splw"),
        _ => null,
    };

    private static string Geo(string breakdown, string code) => breakdown switch { "pcn" => "pcn:" + code, "practice" => "practice:" + code, _ => "all" };

    private void Cell(string address, string text)
    {
        if (text.Length == 0)
            return;
        var value = PublishedFile.Hidden(text) ? null : PublishedFile.Number(text);
        if (!_cells.TryGetValue(address, out var known) || known is null)
            _cells[address] = value;
    }

    private void Relation(Dictionary<string, double> terms, string published, double halfStep)
    {
        if (_rounding <= 1 && PublishedFile.Number(published) is { } value)
            _relations.Add((terms, value - halfStep, value + halfStep));
    }

    // numerator − rate × denominator lies within ± half a step of the denominator.
    private void Rate(string numerator, string denominator, string published)
    {
        if (_rounding > 1 || PublishedFile.Number(published) is not { } rate)
            return;
        _relations.Add((new() { [numerator] = 1, [denominator] = -(rate + RateHalfStep) }, double.NegativeInfinity, 0));
        _relations.Add((new() { [numerator] = 1, [denominator] = -(rate - RateHalfStep) }, 0, double.PositiveInfinity));
    }

    private void AddSums()
    {
        var addresses = _cells.Keys.Select(a => a.Split('|')).ToList();
        string Join(string[] parts) => string.Join('|', parts);
        void Sums(int dimension, Func<string, bool> isTotal, Func<string, string, bool> isPart, bool exact = true)
        {
            foreach (var group in addresses.GroupBy(a => Join([.. a.Take(dimension), "*", .. a.Skip(dimension + 1)])))
            {
                foreach (var total in group.Where(a => isTotal(a[dimension])))
                {
                    var terms = group.Where(a => isPart(total[dimension], a[dimension])).ToDictionary(Join, _ => -1.0);
                    if (terms.Count == 0)
                        continue;
                    terms[Join(total)] = 1;
                    _relations.Add((terms, 0, exact ? 0 : double.PositiveInfinity));
                }
            }
        }
        Sums(1, t => t == "all", (_, p) => p.StartsWith("pcn:", StringComparison.Ordinal));
        Sums(1, t => t == "all", (_, p) => p.StartsWith("practice:", StringComparison.Ordinal));
        // A PCN is the sum of its practices unless one of them moved PCN in the window (then its events are split).
        var movers = _members.GroupBy(m => m.Practice).Where(g => g.Count() > 1).SelectMany(g => g.Select(m => m.Pcn)).ToHashSet();
        Sums(1, t => t.StartsWith("pcn:", StringComparison.Ordinal) && !movers.Contains(t[4..]), (t, p) => _members.Contains((p.Replace("practice:", "", StringComparison.Ordinal), t[4..])));
        Sums(2, t => t == "all", (_, p) => p != "all");
        Sums(3, t => t == "W", (_, p) => p != "W");
        Sums(4, t => t == "all", (_, p) => p != "all", exact: false);
        Sums(5, t => t == "all", (_, p) => p != "all");
        foreach (var family in new[] { "imd:", "age:", "sex:" })
        {
            Sums(6, t => t == "all", (_, p) => p.StartsWith(family, StringComparison.Ordinal) && !p.Contains('@', StringComparison.Ordinal));
            // Wellbeing: a family's groups on an instrument add up to the instrument's count.
            Sums(6, t => t != "all" && !t.Contains(':', StringComparison.Ordinal),
                (t, p) => p.StartsWith(family, StringComparison.Ordinal) && p.EndsWith("@" + t, StringComparison.Ordinal));
        }
        foreach (var freed in _cells.Keys.Where(a => a.StartsWith("freed|", StringComparison.Ordinal)).ToList())
        {
            var rest = freed["freed".Length..];
            // Freed appointments never exceed the diverted events (re-presentation and unrequested ones only subtract).
            if (_cells.ContainsKey("diverted" + rest))
                _relations.Add((new() { [freed] = 1, ["diverted" + rest] = -1 }, double.NegativeInfinity, 0.05));
        }
        // A PCN's wellbeing numerator and denominator are the sums of its instruments' counts.
        foreach (var (geo, improved, withBoth) in _wellbeingSums)
        {
            foreach (var (measure, published) in new[] { ("people_improved", improved), ("people_with_both", withBoth) })
            {
                var parts = _cells.Keys.Where(a => a.StartsWith($"{measure}|{geo}|", StringComparison.Ordinal)).ToDictionary(a => a, _ => 1.0);
                if (parts.Count > 0)
                    Relation(parts, published, 0);
            }
        }
        // Each baseline phase's mean is the average of its months.
        foreach (var phase in _spc.GroupBy(p => (p.Series, p.Phase)))
        {
            if (PublishedFile.Number(phase.First().Mean) is { } mean)
                _relations.Add((phase.ToDictionary(p => p.Cell, _ => 1.0), (mean - 0.05) * phase.Count(), (mean + 0.05) * phase.Count()));
        }
        foreach (var parts in addresses.Select(Join).ToList())
        {
            var a = parts.Split('|');
            string M(string measure) => Join([measure, .. a.Skip(1)]);
            void Bound(string total, bool exact, params string[] measureParts)
            {
                if (a[0] != total || measureParts.Any(p => !_cells.ContainsKey(M(p))))
                    return;
                var terms = measureParts.ToDictionary(M, _ => -1.0);
                terms[parts] = 1;
                _relations.Add((terms, 0, exact ? 0 : double.PositiveInfinity));
            }
            Bound("with_service_decision", true, "accepted_by_service", "rejected_capacity", "rejected_inappropriate");
            Bound("referrals", false, "with_service_decision", "declined_by_patient", "pending");
            Bound("accepted_by_service", false, "attended");
            Bound("signposted", false, "diverted", "no_response");
            Bound("diverted", false, "nav_attended");
            Bound("diverted", true, "not_requested", "follow_up_complete", "follow_up_incomplete", "no_patient_level_data");
            Bound("diverted", false, "requested_blank");
            Bound("follow_up_complete", false, "represented");
            Bound("people_due", true, "people_with_both", "lost_to_follow_up");
            Bound("people_with_both", false, "people_improved");
        }
    }

    /// <summary>The least and greatest value of every [c] given everything published (hidden counts ≥ 1).</summary>
    public IReadOnlyDictionary<string, (double Min, double Max)> Ranges()
    {
        using var solver = Solver.CreateSolver("GLOP")!;
        var variables = new Dictionary<string, Variable>();
        // A [c] count is at least 1 (zeros are shown); freed appointments can be 0.
        // A cap keeps each program bounded (GLOP may call an unbounded one infeasible); reaching it means unbounded.
        const double Cap = 1e7;
        Variable Var(string address) => variables.TryGetValue(address, out var v) ? v
            : variables[address] = solver.MakeNumVar(address.StartsWith("freed|", StringComparison.Ordinal) ? 0 : 1, Cap, address);
        // With rounding, a published count is itself uncertain: a variable within half the base of its value.
        bool Unknown(string address) => _cells.ContainsKey(address) && (_cells[address] is null || (_rounding > 1 && _cells[address] > 0));
        foreach (var (address, value) in _cells.Where(c => _rounding > 1 && c.Value > 0))
        {
            var variable = Var(address);
            variable.SetBounds(Math.Max(0, value!.Value - (_rounding / 2.0)), value.Value + (_rounding / 2.0));
        }
        foreach (var (terms, lower, upper) in _relations)
        {
            var known = terms.Where(t => _cells.ContainsKey(t.Key) && !Unknown(t.Key)).Sum(t => t.Value * _cells[t.Key]!.Value);
            var unknown = terms.Where(t => Unknown(t.Key)).ToList();
            if (unknown.Count == 0 || terms.Keys.Any(k => !_cells.ContainsKey(k)))
                continue;
            var constraint = solver.MakeConstraint(lower - known, upper - known);
            foreach (var (address, coefficient) in unknown)
                constraint.SetCoefficient(Var(address), coefficient);
        }
        var ranges = new Dictionary<string, (double, double)>();
        foreach (var address in _cells.Where(c => c.Value is null).Select(c => c.Key))
        {
            var variable = Var(address);
            var objective = solver.Objective();
            objective.Clear();
            objective.SetCoefficient(variable, 1);
            objective.SetMinimization();
            solver.Solve().Should().Be(Solver.ResultStatus.OPTIMAL, $"the published figures must be consistent ({address})");
            var min = variable.SolutionValue();
            objective.SetMaximization();
            solver.Solve().Should().Be(Solver.ResultStatus.OPTIMAL);
            var max = variable.SolutionValue() >= Cap - 0.5 ? double.PositiveInfinity : variable.SolutionValue();
            ranges[address] = (min, max);
        }
        return ranges;
    }
}
