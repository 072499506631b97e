namespace ImpactMeasure.Reports;

/// <summary>While a recording is open, the time of every report query run in its flow (execution and reading the
/// rows): the benchmark commands print the SQL's own time beside the whole computation's, in the same run.</summary>
public sealed class QueryTimings : IDisposable
{
    private static readonly AsyncLocal<QueryTimings?> Current = new();
    private readonly List<(string Query, int Rows, TimeSpan Elapsed)> _queries = [];
    private readonly Lock _lock = new();

    private QueryTimings()
    {
    }

    /// <summary>Starts recording the queries of this asynchronous flow and those it starts.</summary>
    public static QueryTimings Record() => Current.Value = new QueryTimings();

    public IReadOnlyList<(string Query, int Rows, TimeSpan Elapsed)> Queries
    {
        get
        {
            lock (_lock)
                return [.. _queries];
        }
    }

    public TimeSpan Total => Queries.Aggregate(TimeSpan.Zero, (sum, q) => sum + q.Elapsed);

    internal static void Add(string query, int rows, TimeSpan elapsed)
    {
        if (Current.Value is { } timings)
        {
            lock (timings._lock)
                timings._queries.Add((query, rows, elapsed));
        }
    }

    public void Dispose() => Current.Value = null;
}
