using ImpactMeasure.SampleData.Geography;
using ImpactMeasure.SampleData.Output;

namespace ImpactMeasure.SampleData.Gpad;

/// <summary>Writes one month's GPAD practice-level crosstab, streaming practice by practice, and returns the
/// month's counts by sub-ICB and attributes for the sub-ICB daily files.</summary>
public sealed class CrosstabWriter
{
    public static readonly string[] Header =
    [
        "APPOINTMENT_MONTH_START_DATE", "GP_CODE", "GP_NAME", "SUPPLIER", "PCN_CODE", "PCN_NAME",
        "SUB_ICB_LOCATION_CODE", "SUB_ICB_LOCATION_NAME", "HCP_TYPE", "APPT_MODE", "NATIONAL_CATEGORY",
        "TIME_BETWEEN_BOOK_AND_APPT", "COUNT_OF_APPOINTMENTS", "APPT_STATUS",
    ];

    private readonly SampleDataOptions _options;
    private readonly Dictionary<string, AppointmentCell[]> _cellsByPractice = new(StringComparer.Ordinal);

    public CrosstabWriter(SampleDataOptions options) => _options = options;

    public SubIcbMonth Write(CsvOut file, IReadOnlyList<Practice> practices, int monthIndex)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(practices);
        var month = _options.MonthStart(monthIndex);
        var totals = new SubIcbMonth(month);
        foreach (var practice in practices)
        {
            var cells = CellsOf(practice);
            var share = cells.Sum(c => c.Share);
            var expected = ActivityModel.ExpectedTotal(practice, month, monthIndex);
            var gpFactor = ActivityModel.GpFactor(practice, monthIndex, _options);
            var pcn = practice.PcnIn(monthIndex);
            var random = new SeededRandom(_options.Seed, "crosstab", practice.Code, monthIndex);
            foreach (var cell in cells)
            {
                var factor = cell.HcpType == GpadVocabulary.Gp ? gpFactor : 1;
                var count = random.Poisson(expected * cell.Share / share * factor);
                if (count == 0)
                    continue;
                totals.Add(practice.SubIcb, cell, count);
                // Unknown values are published as the word "Unknown" (the reference rows show them blank,
                // an artefact of the tool they passed through).
                file.Write(NhsDates.Gpad(month), practice.Code, practice.Name, practice.Supplier, pcn.Code, pcn.Name,
                    practice.SubIcb.Code, practice.SubIcb.Name, cell.HcpType, cell.Mode, cell.Category, cell.LeadTime,
                    NhsDates.Number(count), cell.Status);
            }
        }
        return totals;
    }

    /// <summary>The share of a practice's expected activity that is GP appointments (before any step change).</summary>
    public double GpShareOf(Practice practice)
    {
        var cells = CellsOf(practice);
        return cells.Where(c => c.HcpType == GpadVocabulary.Gp).Sum(c => c.Share) / cells.Sum(c => c.Share);
    }

    // A practice records a stable set of cells month to month, drawn in proportion to the national shares.
    private AppointmentCell[] CellsOf(Practice practice)
    {
        if (!_cellsByPractice.TryGetValue(practice.Code, out var cells))
        {
            var all = AppointmentCell.All;
            var picked = new SeededRandom(_options.Seed, "cells", practice.Code)
                .PickDistinct(all.Select(c => c.Share).ToList(), _options.CrosstabCellsPerPractice);
            cells = picked.Select(i => all[i]).ToArray();
            _cellsByPractice[practice.Code] = cells;
        }
        return cells;
    }
}
