using ImpactMeasure.Reports.Disclosure;

namespace ImpactMeasure.Reports.Metrics;

/// <summary>What every metric table offers whatever its row type: its name, printed columns and published rows
/// (for the CSV writer), and its counts (for the release's disclosure control).</summary>
public interface IMetricTable
{
    /// <summary>File name stem, e.g. <c>referral_outcomes</c>.</summary>
    string Name { get; }

    string Title { get; }

    /// <summary>The methods in force that a reader needs beside the parameters (for example the interval method).</summary>
    IReadOnlyList<string> Methods { get; }

    IReadOnlyList<(string Name, string Format)> PrintedColumns { get; }

    /// <summary>The values of the printed columns as published: hidden cells are <see cref="SuppressedCell"/>,
    /// derived figures rounded to the precision shown.</summary>
    IEnumerable<object?[]> PublishedRows();

    /// <summary>Adds every count of the table, printed or not, to the release.</summary>
    void RegisterIn(Release release);

    /// <summary>How many counts <see cref="RegisterIn"/> adds at most (some may be other tables' too).</summary>
    int CountCells { get; }

    Disclosure.Disclosure Disclosure { get; set; }

    /// <summary>Whether any printed cell is hidden (said in the pack's notes).</summary>
    bool HasSuppression { get; }
}
