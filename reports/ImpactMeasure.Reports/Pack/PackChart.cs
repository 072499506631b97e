namespace ImpactMeasure.Reports.Pack;

/// <summary>A native chart on its own sheet, drawn from a table sheet's cells: x from <see cref="XColumn"/> (dates),
/// each series from its column over runs of rows. A series is drawn only over rows that hold a number, so a hidden
/// ([c]) month is a gap, never a zero, and an SPC limit stops where its phase ends.</summary>
public sealed record PackChart(string Title, string Subtitle, string AltText, string DataSheet, string XColumn, string XAxisTitle, string YAxisTitle,
    IReadOnlyList<ChartSeries> Series)
{
    /// <summary>The x axis's first and last value (Excel date serials), so it starts on the first month.</summary>
    public (double Min, double Max)? XRange { get; init; }

    /// <summary>The y axis's number format.</summary>
    public string YFormat { get; init; } = "#,##0";

    /// <summary>The x axis's number format and label spacing: months by default (labels every 183 days stay on the
    /// first days of their months for decades); a funnel's denominators take a number format and Excel's spacing.</summary>
    public string XFormat { get; init; } = "mmm yyyy";

    public double? XMajorUnit { get; init; } = 183;

    /// <summary>The y axis's first and last value, else Excel's.</summary>
    public (double Min, double Max)? YRange { get; init; }

    /// <summary>No y axis, no horizontal gridlines (a spine chart: its rows are named by labels on the chart).</summary>
    public bool HideYAxis { get; init; }

    /// <summary>How many sheet rows the chart spans (from row 5): a spine chart with many indicators needs more than
    /// the default to give each row's label its line; 38 still prints on one landscape page.</summary>
    public int SheetRows { get; init; } = DefaultSheetRows;

    public const int DefaultSheetRows = 29, MaxSheetRows = 38;

    /// <summary>No tick labels on the x axis (a spine chart's positions are a scale, not values).</summary>
    public bool HideXLabels { get; init; }
}

/// <summary>How a series is drawn.</summary>
public enum ChartLook
{
    /// <summary>A line with a marker at each point (the measure).</summary>
    Line,
    /// <summary>A line without markers (a mean).</summary>
    PlainLine,
    DashedLine,
    Markers,
    /// <summary>A large marker with a dark outline (the area in question).</summary>
    BigMarkers,
    /// <summary>A thick line with flat ends (a spine chart's range of peers).</summary>
    Band,
    /// <summary>A thinner dark line (a spine chart's mark of the peers' value).</summary>
    Tick,
    /// <summary>Nothing drawn but the series' name as a label right of its point.</summary>
    Label,
}

/// <summary>One legend entry of a chart: its column, colour, look and the runs of rows (first, last) it is drawn over.</summary>
public sealed record ChartSeries(string Name, string Column, string Colour, ChartLook Look, IReadOnlyList<(int First, int Last)> Runs)
{
    /// <summary>A column whose cell in each run's first row names that run (instead of <see cref="Name"/>).</summary>
    public string? NameColumn { get; init; }

    /// <summary>False to keep the series out of the legend.</summary>
    public bool InLegend { get; init; } = true;

    /// <summary>A band's line width in points.</summary>
    public double Width { get; init; } = 10;

    /// <summary>The runs of consecutive rows whose <paramref name="isNumber"/> holds, split where <paramref name="group"/> changes.</summary>
    public static IReadOnlyList<(int First, int Last)> RunsOf(int firstRow, int count, Func<int, bool> isNumber, Func<int, object?>? group = null)
    {
        ArgumentNullException.ThrowIfNull(isNumber);
        var runs = new List<(int First, int Last)>();
        int? start = null;
        for (var i = 0; i <= count; i++)
        {
            var continues = i < count && isNumber(i) && start is { } s && Equals(group?.Invoke(s), group?.Invoke(i));
            if (start is { } begun && !continues)
            {
                runs.Add((firstRow + begun, firstRow + i - 1));
                start = null;
            }
            if (start is null && i < count && isNumber(i))
                start = i;
        }
        return runs;
    }
}
