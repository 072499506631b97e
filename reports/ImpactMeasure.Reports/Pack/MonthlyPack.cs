using System.Globalization;
using ImpactMeasure.Reports.Benchmark;
using ImpactMeasure.Reports.Metrics;
using ImpactMeasure.Reports.Spc;
using static ImpactMeasure.Reports.Pack.PackTables;

namespace ImpactMeasure.Reports.Pack;

/// <summary>The monthly Excel pack ICB analysts send out: lays the pack data out as PACK.md's tables, notes and
/// charts and writes the workbook.</summary>
public static class MonthlyPack
{
    private const string Pounds = "£#,##0";
    private const string MonthFormat = "mmm yyyy";

    /// <summary>The file name PACK.md asks for: lower-case words joined by dashes, no version.</summary>
    public static string FileName(string? area, DateOnly period) =>
        $"impact-monthly-pack-{(area ?? "all").ToLowerInvariant()}-{period:yyyy-MM}.xlsx";

    public static void Write(string path, MonthlyPackData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var metrics = data.Metrics;
        var parameters = metrics.Parameters;
        var suppressedTables = data.Tables.Where(t => t.HasSuppression).Select(t => t.Name.Replace('_', ' ')).ToList();
        var notes = new List<PackNote>
        {
            new(1, DisclosureNote(metrics.Disclosure, suppressedTables)),
            new(2, $"Re-presentation: a diverted patient who has a GP appointment (not DNA) within {parameters.RepresentationWindowDays} days, observed from the patient-level appointment extracts only for events whose whole window lies inside their practice's patient-level data (follow-up complete). Events with incomplete follow-up are counted and take the observed rate; "
                + (parameters.AssumedRepresentationRate is { } r ? $"events at practices with no patient-level data take the configured rate of {r:P0} [e]." : "events at practices with no patient-level data get one figure per rate of 0%, 10%, 20% and 30% [e] - never a rate of 0.")),
            new(3, $"Freed GP appointments = diverted events (outcome accepted or attended) where a GP appointment was requested (Y, or blank: counted and noted; N never frees one) minus those re-presented. Low counts only attended outcomes and subtracts re-presentation at the upper end of its interval; high also counts no response. The 95% interval for the area and each PCN is a cluster bootstrap over practices (whole practices resampled with their events, {parameters.BootstrapResamples:N0} resamples, seed {parameters.BootstrapSeed}, widened for the number of practices); a practice's own interval resamples its patients. Minutes use {metrics.MinutesPerAppointment:0.#} minutes per GP appointment; a session is {parameters.GpSessionMinutes:0} minutes; cost is £{parameters.CostPerConsultationGbp:0} per {parameters.CostConsultationMinutes:0}-minute consultation ({parameters.CostSource})."),
            new(4, "Acceptance, capacity-rejection and inappropriate-referral rates are divided by referrals with a service decision (accepted, attended, did not attend, rejected for capacity or as inappropriate); pending and patient-declined referrals are outside the denominator. Intervals are 95% Wilson score intervals."),
            new(5, $"SPC (Making Data Count): counts on XmR charts - limits the mean ± 2.66 × the mean moving range{(parameters.SpcScreenOutliers ? ", moving ranges of 3.267 × their mean or more screened out once" : "")}; special causes a point outside the limits, a trend of {parameters.SpcRunLength}, two of three points beyond two sigma, or a run of {parameters.SpcRunLength} on one side. Rates on p-charts (Laney's p′ where overdispersed), months with fewer than {parameters.SpcMinDenominator} in the denominator shown but not judged. Limits are recalculated when care navigation (or link workers) started in the area's first practice and when the last one started, so the roll-out has its own baseline. Words follow each measure's direction: a fall in freed appointments is never an improvement. A service is flagged possibly overloaded when a month's capacity-rejection rate is above its p-chart limits (rising; limits from its first {parameters.SpcBaselineMonths} judged months) or its rate over the window is above the 99.8% funnel limit of its category (persistently high)."),
            new(6, $"Wellbeing change is paired per person (never mean of baselines against mean of follow-ups) for the people whose follow-up (baseline + {parameters.WellbeingFollowupWeeks} weeks) fell due in the {parameters.WellbeingWindowMonths} months to the pack's month; SWEMWBS raw scores are converted to metric scores first; completeness is people with both scores over people due, the rest are lost to follow-up. A change is meaningful at {parameters.SwemwbsMeaningfulChange:0.#} points on SWEMWBS, {parameters.WemwbsMeaningfulChange:0.#} on WEMWBS and {parameters.Ons4MeaningfulChange:0.#} on an ONS4 question."),
            new(7, "Rows sent to Unknown carry a code the warehouse does not know yet (for example a practice in no loaded practice map); they are counted, not dropped. Quarantined rows are held with their reason and not loaded."),
            new(8, "Figures are provisional [p]: outcomes still pending are updated when later extracts arrive, and re-issued extracts replace earlier ones."),
            new(9, $"GP use before and after a social prescribing referral: GP appointments per person in the {parameters.WindowMonths} months before and after the first referral, against comparison patients of the same practices with no signposting or referral over the same dates (a difference in differences); the 95% interval is a cluster bootstrap over practices, both groups resampled together. The table takes the {MonthlyPackBuilder.GpUseReferralMonths} months of referrals ending {parameters.WindowMonths} months before the pack's month, so every referral's {parameters.WindowMonths} months after have passed (this month's referrals have none yet)."),
            new(10, "Equity: referrals and their outcomes by the patient's deprivation quintile (quintile 1 is the most deprived 20% of areas by IMD, Core20PLUS5's Core20), age band and sex as the extracts give them ('Unknown' where not given); rates of referrals with a service decision with 95% Wilson intervals. Each breakdown adds up to the month's referrals, and disclosure control protects the groups with the totals."),
            new(11, "PCN benchmarking: each PCN against the pooled value of its peers this month (the PCNs of its ICB; all PCNs in the warehouse in a pack for all areas), with PHE's funnel limits at the PCN's denominator (proportions: Wilson-based; rates per 1,000: Byar's / exact Poisson). The word is at 99.8%, as Fingertips: Better or Worse where a direction is better, Higher or Lower where none is, Similar inside the limits; [c] where a count behind the figure is hidden. Rank 1 is the best among the peers with a figure. Signposting per 1,000 GP appointments uses GPAD appointments, since requests are not recorded. impact report benchmark gives the same over 12 months with funnel limits, quartiles and similar-PCN groups."),
        };
        var spcTable = Spc(data.Spc, [notes[0], notes[4]]);
        var freedTable = FreedByPcn(metrics.FreedGpTime, [notes[0], notes[1], notes[2]]);
        var outcomesTable = Outcomes(metrics.ReferralOutcomes, metrics.ServiceOverload, data.Period, [notes[0], notes[3], notes[4]]);
        var referrersTable = SocialPrescribing(metrics.SpReferralSources, [notes[0], notes[3]]);
        var wellbeingTable = Wellbeing(metrics.Wellbeing, [notes[0], notes[5]]);
        var caseloadTable = Caseload(metrics.SpCaseload, [notes[0]]);
        var gpUseTable = GpUse(data.GpUse ?? metrics.SpGpUse, [notes[0], notes[8]]);
        var qualityTable = DataQuality(data, [notes[6]]);
        var tables = new List<PackTable> { Headline(data, [notes[0], notes[4], notes[7]]) };
        if (data.Comparator is { } comparator)
            tables.Add(Comparator(comparator, data.ComparatorName ?? "ICB", [notes[0], notes[2]]));
        tables.AddRange(
        [
            freedTable,
            FreedByPractice(metrics.FreedGpTime, data.PracticePcns, [notes[0], notes[1], notes[2]]),
            outcomesTable,
            referrersTable,
            caseloadTable,
            gpUseTable,
            wellbeingTable,
            .. data.Equity is { } equity ? [PackTables.EquityTable(equity, [notes[0], notes[9]])] : Array.Empty<PackTable>(),
            .. data.Benchmark is { } benchmark ? [BenchmarkTable(benchmark, [notes[0], notes[10]])] : Array.Empty<PackTable>(),
            spcTable,
            qualityTable,
            Methodology(parameters, notes),
        ]);
        string Sheet(PackTable table) => PackWorkbook.SheetOf(tables, table).Replace('_', ' ');
        var messages = KeyMessages.Write(data, new KeyMessageSheets(Sheet(freedTable), Sheet(outcomesTable), Sheet(referrersTable), Sheet(wellbeingTable), Sheet(qualityTable)));
        var charts = new List<PackChart>();
        var offset = 0;
        foreach (var (kpi, points) in data.Spc)
        {
            if (points.Rows.Count > 0)
                charts.Add(SpcChart(spcTable, PackWorkbook.SheetOf(tables, spcTable), kpi, offset, points.Rows.Count, data.Period));
            offset += points.Rows.Count;
        }
        var month = data.Period.ToString("MMM yyyy", CultureInfo.InvariantCulture);
        PackWorkbook.Write(path, new PackCover(CoverLines(data, month, messages), $", {data.AreaName}, {month}", $"ImpactMeasure monthly pack, {data.AreaName}, {month}",
            data.Pack.Organisation, "care navigation; social prescribing; general practice; freed GP time; referrals"), tables, charts, notes);
        NativeCharts.Add(path, charts);
    }

    private static string[] CoverLines(MonthlyPackData data, string month, IReadOnlyList<string> keyMessages)
    {
        return
        [
            $"Care navigation and social prescribing: monthly pack, {data.AreaName}, {month}",
            "Key messages",
            .. keyMessages.Select(m => $"- {m}"),
            "About this pack: GP time freed by care navigation, outcomes of signposting and referrals, social prescribing and wellbeing change, and the quality of the data behind them.",
            "Source: GP appointment (GPAD) and practice extracts published by NHS England, and local signposting, referral and wellbeing extracts loaded into the ImpactMeasure warehouse.",
            $"Period covered: {month} (trends and SPC: the {MonthlyPackBuilder.TrendMonths} months to {month}).",
            $"Date produced: {data.GeneratedAt:d MMMM yyyy}. Data as of: {(data.DataAsOf is { } asOf ? asOf.ToString("d MMMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture) : "[x]")}.",
            data.NextUpdate is { } next
                ? $"Next update: {next:d MMMM yyyy} (working day {data.Pack.PublicationWorkingDay} of the month, once that month's extracts are loaded)."
                : "Next update: [x] (the calendar in the warehouse does not reach the next publication month).",
            data.Incomplete is { } incomplete
                ? $"Status: PROVISIONAL, INCOMPLETE DATA: {incomplete}. Every figure in this pack is provisional [p]."
                : "Status: provisional [p]: outcomes still pending are updated when later extracts arrive.",
            data.Metrics.Disclosure.Applied
                ? $"Disclosure control: counts of 1 to {data.Metrics.Disclosure.Threshold} of people or events, and every figure computed from them, are shown as [c]; further counts are hidden so that no [c] can be worked out from any other figure in this pack (note 1). GPAD appointment counts are not suppressed."
                : "NOT FOR SHARING: disclosure control is OFF. This pack shows small numbers of people and events and is for internal use only.",
            $"Published by: {data.Pack.Organisation}.",
            data.Pack.Contact is { Length: > 0 } contact ? $"Contact: {contact}." : "Contact: [x] not configured (set pack.contact in impact.json before sending this pack).",
            "Methodology: see Notes and the Methodology table; every definition follows ImpactMeasure's METHODS.",
        ];
    }

    private static string DisclosureNote(Disclosure.Disclosure disclosure, List<string> suppressedTables) => disclosure.Applied
        ? $"Disclosure control (the whole pack is protected as one release): counts of 1 to {disclosure.Threshold} of people or events are shown as [c]; so is every figure computed from a hidden count (rates, intervals, means, freed appointments). "
            + "Further counts are hidden where a [c] could otherwise be worked out from any other figure of the pack - by subtraction from a total, across practices, PCNs and the area, across months, from the same count in another table, or from a rate and its interval - "
            + $"checked by solving, for every hidden count, the smallest and largest value that all published figures allow: each leaves at least {disclosure.Threshold} possible values. Rates and means are published rounded to the precision shown. "
            + (disclosure.Rounding > 1 ? $"Published counts are rounded to the nearest {disclosure.Rounding}, and rates, shares and freed appointments are computed from the rounded counts. " : "")
            + $"{disclosure.Primary} counts are hidden as small and {disclosure.Complementary} to protect them{(suppressedTables.Count > 0 ? $"; cells are hidden in: {string.Join(", ", suppressedTables)}" : "")}. GPAD appointment counts are not person counts and are not suppressed."
        : "NOT FOR SHARING: disclosure control is OFF. Small numbers of people and events are shown; this pack is for internal use only.";

    // Each measure this month, last month and a year ago, the change on a year ago (from the published figures, so
    // hidden when either is), the 95% interval where the measure has one (freed appointments: the practice
    // bootstrap of Table 2; rates: the Wilson interval of this month's counts), and the SPC words.
    private static PackTable Headline(MonthlyPackData data, IReadOnlyList<PackNote> notes)
    {
        var headline = data.Headline;
        var freed = data.Metrics.FreedGpTime;
        var area = freed.Rows.FirstOrDefault(r => r.Breakdown == "all");
        var rows = headline.Rows.Select(r =>
        {
            var cells = Pick(headline, r, HeadlineRow.MeasureColumn, HeadlineRow.UnitColumn, HeadlineRow.ThisMonthColumn, HeadlineRow.PreviousMonthColumn, HeadlineRow.YearAgoColumn);
            object? change = (cells[2], cells[4]) switch
            {
                (double now, double before) => now - before,
                (SuppressedCell, _) or (_, SuppressedCell) => SuppressedCell.Instance,
                _ => null,
            };
            object?[] interval = r.Kpi.Key == "gp_appointments_freed" && area is not null
                ? [freed.Show(area, FreedGpTimeColumns.FreedLower95), freed.Show(area, FreedGpTimeColumns.FreedUpper95)]
                : r.Kpi.IsRate ? Pick(headline, r, HeadlineRow.LowerColumn, HeadlineRow.UpperColumn) : [NotApplicable, NotApplicable];
            return cells.Append(change).Concat(interval)
                .Concat(Pick(headline, r, HeadlineRow.VariationColumn, HeadlineRow.SpecialCauseColumn, HeadlineRow.AssuranceColumn)).ToArray();
        }).ToList();
        return new PackTable("Headline measures with SPC variation", notes,
            [("Measure", "@"), ("Unit", "@"), ("This month", Count), ("Previous month", Count), ("Same month last year", Count), ("Change on a year ago", Count),
             ("Lower 95% limit", Count), ("Upper 95% limit", Count), ("Variation (SPC)", "@"), ("Special cause", "@"), ("Assurance (SPC)", "@")], rows)
        {
            Fills = new Dictionary<int, Func<object?, string?>> { [8] = VariationColour },
            CellFormat = (row, column) => column is >= 2 and <= 7 ? HeadlineFormat(headline.Rows[row].Kpi) : null,
            WrapWidth = 26,
        };
    }

    // A PCN beside its ICB this month: the same measures, each from its own counts (rates are comparable; counts show
    // the PCN's share of the ICB).
    private static PackTable Comparator(MetricTable<ComparatorRow> comparator, string icb, IReadOnlyList<PackNote> notes) =>
        new($"This month in the PCN and in its ICB, {icb}", notes,
            [("Measure", "@"), ("Unit", "@"), ("This PCN", Count), ("Its ICB", Count)],
            comparator.Rows.Select(r => Pick(comparator, r, ComparatorRow.MeasureColumn, ComparatorRow.UnitColumn, ComparatorRow.AreaColumn, ComparatorRow.ComparatorColumn)).ToList())
        {
            CellFormat = (row, column) => column >= 2 ? HeadlineFormat(comparator.Rows[row].Kpi) : null,
            WrapWidth = 40,
        };

    private static string HeadlineFormat(Kpi kpi) => kpi.Unit switch
    {
        "%" => Percent,
        "per 1,000 patients" => OneDecimal,
        _ => Count,
    };

    /// <summary>"[z]": a figure that does not apply (a count of events has no sampling interval).</summary>
    private const string NotApplicable = "[z]";

    // The area and its PCNs in one table, its practices (each with its PCN) in another: one table per level reads
    // and prints better than one long mixed list.
    private static PackTable FreedByPcn(MetricTable<FreedGpTimeRow> freed, IReadOnlyList<PackNote> notes) =>
        FreedTable("Freed GP time for the area and by PCN", freed, freed.Rows.Where(r => r.Breakdown != "practice"), notes, r => r.Breakdown == "all" ? "Area" : "PCN", "Level");

    private static PackTable FreedByPractice(MetricTable<FreedGpTimeRow> freed, IReadOnlyDictionary<string, string> pcns, IReadOnlyList<PackNote> notes) =>
        FreedTable("Freed GP time by practice", freed, freed.Rows.Where(r => r.Breakdown == "practice"), notes, r => pcns.GetValueOrDefault(r.Code, "[x]"), "PCN");

    private static PackTable FreedTable(string title, MetricTable<FreedGpTimeRow> freed, IEnumerable<FreedGpTimeRow> rows, IReadOnlyList<PackNote> notes,
        Func<FreedGpTimeRow, string> first, string firstHeader) =>
        new(title, notes,
            [(firstHeader, "@"), ("Code", "@"), ("Name", "@"), ("Signposted (events)", Count), ("Diverted (patients)", Count), ("Re-presented (patients)", Count),
             ("Freed GP appointments", Count), ("Lower 95% limit", Count), ("Upper 95% limit", Count), ("GP time (hours)", Count),
             ("Cost (£)", Pounds), ("Re-presentation rate used", "@")],
            rows.Select(r => new object?[] { first(r) }.Concat(Pick(freed, r, FreedGpTimeColumns.Code, FreedGpTimeColumns.Name, FreedGpTimeColumns.Signposted,
                FreedGpTimeColumns.Diverted, FreedGpTimeColumns.Represented, FreedGpTimeColumns.FreedCentral,
                FreedGpTimeColumns.FreedLower95, FreedGpTimeColumns.FreedUpper95, FreedGpTimeColumns.MinutesCentral,
                FreedGpTimeColumns.CostCentralGbp, FreedGpTimeColumns.RateSource)).Select((cell, c) => c == 9 && cell is double minutes ? minutes / 60 : cell).ToArray()).ToList())
        {
            WrapWidth = 22,
        };

    private static PackTable Outcomes(MetricTable<ReferralOutcomeRow> outcomes, MetricTable<ServiceOverloadRow> overload, DateOnly period, IReadOnlyList<PackNote> notes)
    {
        var month = ReportWindow.MonthKey(period);
        var flags = overload.Rows.Where(r => r.Month == month).ToDictionary(r => r.ServiceCode, r => r.PossiblyOverloaded);
        var rows = outcomes.Rows.Where(r => r.Breakdown is "all" or "service")
            .Select(r => Pick(outcomes, r, ReferralOutcomeColumns.Code, ReferralOutcomeColumns.Name, ReferralOutcomeColumns.Referrals, ReferralOutcomeColumns.WithDecision,
                ReferralOutcomeColumns.AcceptanceRate, ReferralOutcomeColumns.AcceptanceLower, ReferralOutcomeColumns.AcceptanceUpper,
                ReferralOutcomeColumns.CapacityRate, ReferralOutcomeColumns.CapacityLower, ReferralOutcomeColumns.CapacityUpper,
                ReferralOutcomeColumns.InappropriateRate, ReferralOutcomeColumns.InappropriateLower, ReferralOutcomeColumns.InappropriateUpper)
                .Append(flags.TryGetValue(r.Code, out var flag) ? flag : r.Breakdown == "all" ? "[z]" : "[x]").ToArray())
            .ToList();
        return new PackTable("Referral outcomes by service", notes,
            [("Service code", "@"), ("Service", "@"), ("Referrals", Count), ("With a decision", Count), ("Accepted (%)", Percent), ("Accepted: lower 95%", Percent),
             ("Accepted: upper 95%", Percent), ("Refused for capacity (%)", Percent), ("Capacity: lower 95%", Percent), ("Capacity: upper 95%", Percent),
             ("Inappropriate (%)", Percent), ("Inappropriate: lower 95%", Percent), ("Inappropriate: upper 95%", Percent), ("Possibly overloaded (SPC)", "@")],
            rows)
        {
            WrapWidth = 16,
        };
    }

    private static PackTable SocialPrescribing(MetricTable<SpReferrerRow> sources, IReadOnlyList<PackNote> notes) =>
        new("Social prescribing referrals by referrer role", notes,
            [("Referrer role", "@"), ("Referrals", Count), ("Share of referrals", Percent), ("With a service decision", Count), ("Rejected as inappropriate", Count),
             ("Inappropriate referral rate", Percent), ("Lower 95% limit", Percent), ("Upper 95% limit", Percent)],
            sources.Rows.Select(r => Labelled(Pick(sources, r, SpReferrerRow.RoleColumn, SpReferrerRow.ReferralsColumn, SpReferrerRow.ShareColumn, SpReferrerRow.WithDecisionColumn,
                SpReferrerRow.InappropriateColumn, SpReferrerRow.RateColumn, SpReferrerRow.LowerColumn, SpReferrerRow.UpperColumn))).ToList());

    private static PackTable Caseload(MetricTable<SpCaseloadRow> caseload, IReadOnlyList<PackNote> notes) =>
        new("Social prescribing caseload", notes,
            [("Month", "@"), ("Referrals received", Count), ("People seen", Count), ("Mean days to first contact", "0.0"), ("Declined by the patient", Count),
             ("Rejected as inappropriate", Count), ("Pending", Count), ("Note", "@")],
            caseload.Rows.Select(r => Pick(caseload, r, SpCaseloadRow.MonthColumn, SpCaseloadRow.ReferralsColumn, SpCaseloadRow.SeenColumn, SpCaseloadRow.DaysColumn,
                SpCaseloadRow.DeclinedColumn, SpCaseloadRow.InappropriateColumn, SpCaseloadRow.PendingColumn, SpCaseloadRow.NoteColumn))
                .Select(cells => { cells[0] = cells[0] is string m ? MonthName(m) : cells[0]; return cells; }).ToList())
        {
            WrapWidth = 30,
        };

    // The referrals' months are a column, not part of the title: a title wider than its table widens every column and
    // shrinks the printed page.
    private static PackTable GpUse(MetricTable<SpGpUseRow> use, IReadOnlyList<PackNote> notes) =>
        new("GP use before and after social prescribing referral", notes,
            [("Referrals made", "@"), ("People referred", Count), ("Comparison patients", Count), ("GP appointments per person before", "0.00"),
             ("GP appointments per person after", "0.00"), ("Comparison change", "0.00"), ("Difference in differences", "0.00"), ("Lower 95% limit", "0.00"),
             ("Upper 95% limit", "0.00"), ("Note", "@")],
            use.Rows.Select(r => new object?[] { ReferralMonths(r.Window) }.Concat(Pick(use, r, SpGpUseRow.ReferredColumn, SpGpUseRow.ComparisonColumn, SpGpUseRow.BeforeColumn,
                SpGpUseRow.AfterColumn, SpGpUseRow.ComparisonChangeColumn, SpGpUseRow.DidColumn, SpGpUseRow.LowerColumn, SpGpUseRow.UpperColumn, SpGpUseRow.NoteColumn)).ToArray()).ToList())
        {
            WrapWidth = 30,
        };

    // "2024-04..2025-03" as "Apr 2024 to Mar 2025".
    private static string ReferralMonths(string window) =>
        window.Split("..") is [var first, var last] ? $"{MonthName(first)} to {MonthName(last)}" : MonthName(window);

    // One row per PCN and indicator; the value in the indicator's own unit (a share or a rate per 1,000), the word
    // beside its Fingertips colour.
    private static PackTable BenchmarkTable(MetricTable<BenchmarkRow> benchmark, IReadOnlyList<PackNote> notes)
    {
        // A figure behind a hidden count is hidden with it: its interval and rank too.
        object? Hidden(BenchmarkRow r, object? value) => r.Comparison == SuppressedCell.Symbol ? SuppressedCell.Instance : value;
        var rows = benchmark.Rows.Select(r => new object?[]
        {
            $"{r.PcnName} ({r.PcnCode})", r.Indicator.Name, Hidden(r, r.Value), Hidden(r, r.Lower95), Hidden(r, r.Upper95), r.PeerValue, r.Comparison, Hidden(r, r.Rank),
            Hidden(r, r.Ranked),
        }).ToList();
        return new PackTable("PCN benchmarking against peers this month", notes,
            [("PCN", "@"), ("Indicator", "@"), ("Value", OneDecimal), ("Lower 95% limit", OneDecimal), ("Upper 95% limit", OneDecimal), ("Peers' value", OneDecimal),
             ("Compared with peers (99.8%)", "@"), ("Rank", "0"), ("Of", "0")], rows)
        {
            Fills = new Dictionary<int, Func<object?, string?>> { [6] = PackTables.ComparisonColour },
            CellFormat = (row, column) => column is >= 2 and <= 5 && benchmark.Rows[row].Indicator.IsProportion ? Percent : null,
            WrapWidth = 40,
        };
    }

    // "2025-09" as "Sep 2025"; the window's total row ("all") reads "All months".
    private static string MonthName(string key) =>
        DateOnly.TryParseExact(key + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            ? month.ToString("MMM yyyy", CultureInfo.InvariantCulture) : key == "all" ? "All months" : key;

    private static PackTable Wellbeing(MetricTable<WellbeingRow> wellbeing, IReadOnlyList<PackNote> notes) =>
        new("Wellbeing change after social prescribing (follow-ups due in 12 months)", notes,
            [("Instrument", "@"), ("People due a follow-up", Count), ("People with both scores", Count), ("Lost to follow-up", Count), ("Completeness", Percent), ("Mean change", "0.00"),
             ("Change: lower 95% limit", "0.00"), ("Change: upper 95% limit", "0.00"), ("Share improved meaningfully", Percent), ("Scale", "@")],
            wellbeing.Rows.Select(r => Labelled(Pick(wellbeing, r, WellbeingRow.InstrumentColumn, WellbeingRow.BaselineColumn, WellbeingRow.BothColumn, WellbeingRow.LostColumn, WellbeingRow.CompletenessColumn,
                WellbeingRow.MeanChangeColumn, WellbeingRow.LowerColumn, WellbeingRow.UpperColumn, WellbeingRow.ShareColumn, WellbeingRow.ScaleColumn))).ToList());

    // Every headline measure's series in one table, a block of rows per measure. The month is a date (shown "Oct
    // 2025") so a chart can place each run of months on a time axis.
    private static PackTable Spc(IReadOnlyList<SpcSeries> series, IReadOnlyList<PackNote> notes)
    {
        var rows = new List<object?[]>();
        var kpis = new List<Kpi>();
        foreach (var (kpi, points) in series)
        {
            foreach (var r in points.Rows)
            {
                var cells = Pick(points, r, SpcPointRow.MonthColumn, SpcPointRow.ValueColumn, SpcPointRow.MeanColumn, SpcPointRow.LowerColumn, SpcPointRow.UpperColumn,
                    SpcPointRow.SpecialCauseColumn, SpcPointRow.VariationColumn, SpcPointRow.PhaseColumn);
                cells[0] = r.Point.Date.ToDateTime(TimeOnly.MinValue);
                rows.Add([kpi.Name, .. cells]);
                kpis.Add(kpi);
            }
        }
        return new PackTable("Headline measures each month with SPC limits", notes,
            [("Measure", "@"), ("Month", MonthFormat), ("Value", Count), ("Mean", OneDecimal), ("Lower control limit", OneDecimal), ("Upper control limit", OneDecimal),
             ("Special cause", "@"), ("Variation", "@"), ("Baseline phase", "0")], rows)
        {
            Fills = new Dictionary<int, Func<object?, string?>> { [7] = VariationColour },
            CellFormat = (row, column) => column is >= 2 and <= 5 ? SpcFormat(kpis[row], column) : null,
            WrapWidth = 60,
        };
    }

    private static string SpcFormat(Kpi kpi, int column) => kpi.Unit == "%" ? Percent : column == 2 ? HeadlineFormat(kpi) : OneDecimal;

    // A chart over one measure's block of the SPC table: each series drawn only where the table holds a number (a
    // hidden month is a gap), mean and limits per baseline phase, special causes marked in their Making Data Count
    // colour; the title says what the latest month shows.
    private static PackChart SpcChart(PackTable table, string sheet, Kpi kpi, int first, int count, DateOnly period)
    {
        const int Month = 1, Value = 2, Mean = 3, Lower = 4, Upper = 5, Cause = 6, Variation = 7, Phase = 8;
        var rows = table.Rows.Skip(first).Take(count).ToList();
        var top = PackWorkbook.FirstDataRow + first;
        string Column(int c) => ((char)('A' + c)).ToString();
        IReadOnlyList<(int, int)> Runs(int c, bool byPhase) => ChartSeries.RunsOf(top, rows.Count, i => rows[i][c] is double, byPhase ? i => rows[i][Phase] : null);
        var bare = kpi.Name.Replace("Context: ", "", StringComparison.Ordinal);
        var name = char.ToUpperInvariant(bare[0]) + bare[1..];
        var series = new List<ChartSeries>
        {
            new("Each month", Column(Value), "404040", ChartLook.Line, Runs(Value, false)),
            new("Mean", Column(Mean), "7F7F7F", ChartLook.PlainLine, Runs(Mean, true)),
            new("Lower control limit", Column(Lower), "A6A6A6", ChartLook.DashedLine, Runs(Lower, true)),
            new("Upper control limit", Column(Upper), "A6A6A6", ChartLook.DashedLine, Runs(Upper, true)),
        };
        foreach (var word in new[] { "Improvement", "Concern", "Neutral (high)", "Neutral (low)" })
        {
            var points = Enumerable.Range(0, rows.Count).Where(i => rows[i][Value] is double && Equals(rows[i][Variation], word) && !Equals(rows[i][Cause], XmrPoint.CommonCause))
                .Select(i => (top + i, top + i)).ToList();
            if (points.Count > 0)
                series.Add(new ChartSeries($"Special cause: {word.ToLowerInvariant()}", Column(Value), VariationColour(word)!.TrimStart('#'), ChartLook.Markers, points));
        }
        var last = rows[^1];
        var month = period.ToString("MMM yyyy", CultureInfo.InvariantCulture);
        var shown = kpi.Unit == "%" ? (last[Value] as double?)?.ToString("0.0%", CultureInfo.InvariantCulture) : (last[Value] as double?)?.ToString(kpi.Unit == "per 1,000 patients" ? "N1" : "N0", CultureInfo.InvariantCulture);
        var headline = shown is not null
            ? $"{name}: {shown} in {month}, {Describe(last[Cause] as string, last[Variation] as string)}"
            : $"{name} each month: {month} is not shown ({(last[Value] is SuppressedCell ? "disclosure control" : "not available")})";
        var chartType = kpi.IsRate ? "p-chart (Laney's p′ where overdispersed)" : "XmR chart";
        return new PackChart(headline,
            $"{chartType} over the {rows.Count} months to {month}{(kpi.ChangePoints.Count > 0 ? "; limits recalculated at the roll-out's start and end" : "")}; hidden months [c] are gaps",
            $"Line chart of {name.ToLowerInvariant()} per month with each baseline phase's mean and dashed lower and upper control limits; special-cause months marked.",
            sheet, Column(Month), "Month", kpi.Unit == "%" ? "Per cent" : char.ToUpperInvariant(kpi.Unit[0]) + kpi.Unit[1..], series)
        {
            XRange = (((DateTime)rows[0][Month]!).ToOADate(), ((DateTime)rows[^1][Month]!).ToOADate()),
            YFormat = kpi.Unit == "%" ? "0.0%" : "#,##0",
        };
    }

    private static string Describe(string? cause, string? variation) => cause switch
    {
        null or XmrPoint.CommonCause => "within its control limits (common cause variation)",
        "Below LCL" => $"below the lower control limit ({variation?.ToLowerInvariant()})",
        "Above UCL" => $"above the upper control limit ({variation?.ToLowerInvariant()})",
        _ => $"{cause.ToLowerInvariant()} ({variation?.ToLowerInvariant()})",
    };

    private static PackTable DataQuality(MonthlyPackData data, IReadOnlyList<PackNote> notes)
    {
        var rows = new List<object?[]>();
        foreach (var b in data.Batches)
        {
            rows.Add([$"Files {b.Text("status")}: {b.Text("format_id")}", b.Count("files"),
                string.Create(CultureInfo.InvariantCulture, $"rows read {b.Count("rows_read"):N0}, loaded {b.Count("rows_loaded"):N0}, quarantined {b.Count("rows_quarantined"):N0}, sent to Unknown {b.Count("rows_unknown"):N0}")]);
        }
        rows.Add(["Practices with GPAD appointments this month", data.Coverage.Count("practices_reporting"), $"of {data.Coverage.Count("practices_mapped"):N0} practices known (from practice maps, or inferred from the extracts' own columns)"]);
        rows.Add(["Appointments with no practice code the warehouse could place (Unknown)", data.Coverage.Count("appointments_unknown_practice"), "counted under the Unknown practice"]);
        foreach (var q in data.QuarantineReasons)
            rows.Add([$"Rows quarantined: {q.Text("column_name")}", q.Count("rows_quarantined"), $"for example: {q.Text("example_reason")}"]);
        return new PackTable("Data quality", notes,
            [("Item", "@"), ("Count", Count), ("Detail", "@")], rows);
    }

    private static PackTable Methodology(MethodParameters parameters, IReadOnlyList<PackNote> notes) =>
        new("Methodology and parameters in force", [],
            [("Item", "@"), ("Definition or value", "@"), ("Source", "@")],
            notes.Select(n => new object?[] { $"Definition {n.Reference}", n.Text, "ImpactMeasure METHODS" })
                .Concat(parameters.Describe().Select(p => new object?[] { $"Parameter: {p.Name}", p.Value, p.Source })).ToList())
        {
            WrapWidth = 50,
        };

    // The first cell holds a code: show its label instead.
    private static object?[] Labelled(object?[] cells)
    {
        if (cells[0] is string code)
            cells[0] = CodeLabels.Of(code);
        return cells;
    }


    private static string? VariationColour(object? value) => value switch
    {
        "Improvement" => "#0072C6",
        "Concern" => "#FF6600",
        "Neutral (high)" or "Neutral (low)" => "#8000C0",
        "Common cause" => "#BFBFBF",
        _ => null,
    };
}
