using System.Data.Common;

namespace ImpactMeasure.Warehouse.Migrations;

/// <summary>One numbered schema change, applied once inside the migrator's transaction.</summary>
public abstract class Migration
{
    public abstract int Version { get; }

    public abstract string Description { get; }

    /// <summary>Identifies the change's content: a recorded migration whose checksum differs was edited after release.</summary>
    public abstract string Checksum { get; }

    public abstract Task ApplyAsync(Warehouse warehouse, DbConnection connection);
}
