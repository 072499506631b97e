namespace ImpactMeasure.Warehouse.Migrations;

/// <summary>What a migration run found and did.</summary>
public sealed record MigrationReport(int VersionBefore, int VersionAfter, IReadOnlyList<Migration> Applied)
{
    public bool Created => VersionBefore == 0 && Applied.Count > 0;
}
