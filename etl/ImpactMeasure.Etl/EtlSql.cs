using ImpactMeasure.Warehouse.Sql;

namespace ImpactMeasure.Etl;

/// <summary>The SQL the ETL runs, embedded beside the code that runs it — each format's folder under
/// <c>Formats/</c> holds its mart SQL, <c>Batches/</c> the load bookkeeping — and found by that path.</summary>
public static class EtlSql
{
    public static SqlScripts Scripts { get; } = new(typeof(EtlSql).Assembly);

    public static string Read(string path) => Scripts.Read(path);

    /// <summary>A one-statement script as a command text.</summary>
    public static string Statement(string path) => SqlStatements.AsSubquery(Read(path));
}
