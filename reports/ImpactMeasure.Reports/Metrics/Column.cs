using ImpactMeasure.Reports.Disclosure;

namespace ImpactMeasure.Reports.Metrics;

/// <summary>One column of a typed metric table: how to read it from a row, how it is shown, and for disclosure
/// control which count of the release it is (<see cref="ColumnKind.Count"/>) or which counts it is computed from
/// (<see cref="ColumnKind.Derived"/>).</summary>
public sealed class Column<TRow>
{
    internal Column(string name, ColumnKind kind, string format, Func<TRow, object?> value)
    {
        Name = name;
        Kind = kind;
        Format = format;
        Value = value;
    }

    public string Name { get; }

    public ColumnKind Kind { get; }

    /// <summary>Invariant .NET format; a derived figure is published rounded to its decimals.</summary>
    public string Format { get; }

    public Func<TRow, object?> Value { get; }

    /// <summary>A count's address in the release.</summary>
    public Func<TRow, CellKey>? Cell { get; internal init; }

    /// <summary>A derived figure's counts: other count columns of the row, and counts not shown in the table
    /// (with their values, so the release can protect them too).</summary>
    public IReadOnlyList<Column<TRow>> From { get; internal init; } = [];

    public Func<TRow, IEnumerable<(CellKey Key, long Value)>>? Basis { get; internal init; }

    /// <summary>With counts rounded (<c>suppression_rounding</c>): the figure computed again from the published,
    /// rounded counts of the row; null where the figure is not a function of counts (a mean, a bootstrap interval).</summary>
    public Func<TRow, Func<Column<TRow>, long>, Func<long, long>, double?>? FromRounded { get; internal init; }

    /// <summary>False for a count that is part of the release (a derived figure rests on it) but is not printed.</summary>
    public bool Printed { get; internal init; } = true;

    /// <summary>The decimals the format shows: what a derived figure is rounded to before it is published.</summary>
    public int Decimals
    {
        get
        {
            var point = Format.IndexOf('.', StringComparison.Ordinal);
            return point < 0 ? 0 : Format[(point + 1)..].Count(c => c is '0' or '#') + (Format.EndsWith('%') ? 2 : 0);
        }
    }
}

/// <summary>Makes the columns of typed metric tables.</summary>
public static class Column
{
    public static Column<TRow> Text<TRow>(string name, Func<TRow, string?> value) => new Column<TRow>(name, ColumnKind.Text, "", value);

    public static Column<TRow> Plain<TRow>(string name, Func<TRow, object?> value, string format = "0") => new Column<TRow>(name, ColumnKind.Plain, format, value);

    public static Column<TRow> Count<TRow>(string name, Func<TRow, long?> value, Func<TRow, CellKey> cell, bool printed = true) =>
        new Column<TRow>(name, ColumnKind.Count, "0", r => value(r)) { Cell = cell, Printed = printed };

    public static Column<TRow> Derived<TRow>(string name, Func<TRow, double?> value, string format, params Column<TRow>[] from) =>
        new Column<TRow>(name, ColumnKind.Derived, format, r => value(r)) { From = from };

    public static Column<TRow> Derived<TRow>(string name, Func<TRow, double?> value, string format, Func<TRow, IEnumerable<(CellKey Key, long Value)>> basis,
        params Column<TRow>[] from) =>
        new Column<TRow>(name, ColumnKind.Derived, format, r => value(r)) { From = from, Basis = basis };

    /// <summary>A rate with its Wilson interval: <paramref name="part"/> picks the value or a bound; with rounded
    /// counts it is recomputed from them.</summary>
    public static Column<TRow> Rate<TRow>(string name, Func<TRow, Proportion> proportion, Func<Proportion, double?> part, Column<TRow> numerator,
        Column<TRow> denominator) =>
        new Column<TRow>(name, ColumnKind.Derived, "0.000", r => part(proportion(r)))
        {
            From = [numerator, denominator],
            FromRounded = (r, count, _) => part(Proportion.Of(count(numerator), count(denominator), proportion(r).Confidence)),
        };

    /// <summary>A derived column that can be computed again from the row's rounded counts.</summary>
    public static Column<TRow> Recomputed<TRow>(Column<TRow> column, Func<TRow, Func<Column<TRow>, long>, double?> fromRounded) =>
        Recomputed(column, (r, count, _) => fromRounded(r, count));

    /// <summary>A derived column resting on counts outside its row, computed again from their rounded values
    /// (<paramref name="fromRounded"/> gets the rounding).</summary>
    public static Column<TRow> Recomputed<TRow>(Column<TRow> column, Func<TRow, Func<Column<TRow>, long>, Func<long, long>, double?> fromRounded)
    {
        ArgumentNullException.ThrowIfNull(column);
        return new Column<TRow>(column.Name, column.Kind, column.Format, column.Value)
        {
            Cell = column.Cell, From = column.From, Basis = column.Basis, Printed = column.Printed, FromRounded = fromRounded,
        };
    }
}
