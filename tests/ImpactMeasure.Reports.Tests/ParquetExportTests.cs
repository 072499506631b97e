using DuckDB.NET.Data;
using ImpactMeasure.Reports.Export;
using ImpactMeasure.Testing;

namespace ImpactMeasure.Reports.Tests;

/// <summary>The Parquet lake read back by two other readers (a fresh DuckDB's read_parquet with Hive partitioning, and
/// Parquet.Net reading each file with the year and month from its path): every fact's rows per year, month and
/// practice, and the appointments' counts, equal the warehouse's, on every engine; a second export with nothing
/// loaded in between rewrites no month and leaves every file as it was.</summary>
[Collection(SampleWarehouseGroup.Name)]
public class ParquetExportTests(SampleWarehouses sample)
{
    [Theory, EveryEngine]
    public async Task The_lake_read_back_matches_the_warehouse_per_month_and_practice_and_a_rerun_rewrites_nothing(string engine)
    {
        var folder = Directory.CreateTempSubdirectory("impact-lake-").FullName;
        try
        {
            await using var warehouse = await sample[engine].OpenAsync(ImpactMeasure.Warehouse.WarehouseAccess.ReadOnly);
            var first = await new ParquetExport(warehouse).RunAsync(folder);
            await using var connection = await warehouse.OpenConnectionAsync();
            using var reader = new DuckDBConnection("DataSource=:memory:");
            await reader.OpenAsync();

            foreach (var fact in new[] { "fact_signpost", "fact_appointments", "fact_wellbeing" })
            {
                var expected = await Totals(connection,
                    $"select cast((date_key - date_key % 10000) / 10000 as integer), cast(((date_key % 10000) - (date_key % 100)) / 100 as integer), practice_key, count(*) from {fact} group by 1, 2, 3");
                var lake = await Totals(reader,
                    $"select year, month, practice_key, count(*) from read_parquet('{Path.Combine(folder, fact)}/**/*.parquet', hive_partitioning = true) group by 1, 2, 3");
                expected.Should().NotBeEmpty();
                lake.Should().BeEquivalentTo(expected, $"{fact} per year, month and practice");
                (await ParquetNetTotals(Path.Combine(folder, fact), null)).Should().BeEquivalentTo(expected, $"{fact} per year, month and practice, read by Parquet.Net");
            }
            var appointments = await Totals(connection,
                "select cast((date_key - date_key % 10000) / 10000 as integer), cast(((date_key % 10000) - (date_key % 100)) / 100 as integer), practice_key, cast(sum(appointment_count) as bigint) from fact_appointments group by 1, 2, 3");
            (await ParquetNetTotals(Path.Combine(folder, "fact_appointments"), "appointment_count")).Should().BeEquivalentTo(appointments, "appointments per year, month and practice, read by Parquet.Net");
            (await Totals(reader, $"select 0, 0, 0, count(*) from read_parquet('{Path.Combine(folder, "dim_practice", "data.parquet")}')")).Single().Value
                .Should().Be(first.Tables.Single(t => t.Name == "dim_practice").Rows);

            var second = await new ParquetExport(warehouse).RunAsync(folder);

            second.Tables.Sum(t => t.MonthsWritten).Should().Be(0, "nothing was loaded in between");
            first.Tables.Sum(t => t.MonthsWritten).Should().BeGreaterThan(20);
            second.Tables.Where(t => t.Name.StartsWith("fact_", StringComparison.Ordinal)).SelectMany(t => t.Files)
                .Should().BeEquivalentTo(first.Tables.Where(t => t.Name.StartsWith("fact_", StringComparison.Ordinal)).SelectMany(t => t.Files), "the same files, byte for byte");
            ExportManifest.Read(Path.Combine(folder, ParquetExport.ManifestName))!.SchemaVersion.Should().BeGreaterThan(0);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory, EveryEngine]
    public async Task An_export_after_a_new_month_and_a_reissue_writes_only_those_months(string engine)
    {
        await using var test = await TestWarehouse.CreateMigratedAsync(engine);
        var folder = Directory.CreateTempSubdirectory("impact-lake-").FullName;
        var gpad = Path.Combine(SampleWarehouses.SampleFolder, "gpad");
        try
        {
            await using var warehouse = await test.OpenAsync();
            var ingestor = new ImpactMeasure.Etl.Ingestor(warehouse, new ImpactMeasure.Etl.EtlOptions());
            await ingestor.IngestAsync([Path.Combine(gpad, "practice-level-crosstab-2025-08.csv")]);
            var first = Appointments(await new ParquetExport(warehouse).RunAsync(folder));
            first.MonthsWritten.Should().Be(1);

            await ingestor.IngestAsync([Path.Combine(gpad, "practice-level-crosstab-2025-09.csv")]);
            var second = Appointments(await new ParquetExport(warehouse).RunAsync(folder));
            second.MonthsWritten.Should().Be(1, "only September is new");
            second.Files.Should().ContainSingle(f => f.Path.Contains("month=8", StringComparison.Ordinal))
                .Which.Should().Be(first.Files.Single(), "August's file is left as it was");

            // A re-issue of August with one count changed supersedes the first batch: August alone is written again.
            var reissue = Path.Combine(folder, "..", $"reissue-{Guid.NewGuid():N}", "practice-level-crosstab-2025-08.csv");
            Directory.CreateDirectory(Path.GetDirectoryName(reissue)!);
            var lines = File.ReadAllLines(Path.Combine(gpad, "practice-level-crosstab-2025-08.csv"));
            var cells = lines[1].Split(',');
            cells[12] = (long.Parse(cells[12], System.Globalization.CultureInfo.InvariantCulture) + 1000).ToString(System.Globalization.CultureInfo.InvariantCulture);
            lines[1] = string.Join(',', cells);
            File.WriteAllLines(reissue, lines);
            await ingestor.IngestAsync([reissue]);
            var third = Appointments(await new ParquetExport(warehouse).RunAsync(folder));
            Directory.Delete(Path.GetDirectoryName(reissue)!, recursive: true);

            third.MonthsWritten.Should().Be(1, "only August was re-issued");
            third.Files.Single(f => f.Path.Contains("month=8", StringComparison.Ordinal)).Sha256.Should().NotBe(first.Files.Single().Sha256);
            third.Files.Single(f => f.Path.Contains("month=9", StringComparison.Ordinal))
                .Should().Be(second.Files.Single(f => f.Path.Contains("month=9", StringComparison.Ordinal)), "September is left as it was");
            await using var connection = await warehouse.OpenConnectionAsync();
            var expected = await Totals(connection,
                "select cast((date_key - date_key % 10000) / 10000 as integer), cast(((date_key % 10000) - (date_key % 100)) / 100 as integer), practice_key, cast(sum(appointment_count) as bigint) from fact_appointments group by 1, 2, 3");
            (await ParquetNetTotals(Path.Combine(folder, "fact_appointments"), "appointment_count")).Should().BeEquivalentTo(expected, "the lake holds the re-issue's counts");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static ExportedTable Appointments(ExportManifest manifest) => manifest.Tables.Single(t => t.Name == "fact_appointments");

    // The second, independent reader: Parquet.Net (fully managed; shares no code with DuckDB, which wrote the lake),
    // taking the year and month from the Hive paths as Spark does.
    private static async Task<Dictionary<(int, int, long), long>> ParquetNetTotals(string factFolder, string? measure)
    {
        var totals = new Dictionary<(int, int, long), long>();
        foreach (var file in Directory.EnumerateFiles(factFolder, "*.parquet", SearchOption.AllDirectories))
        {
            var month = int.Parse(Path.GetFileName(Path.GetDirectoryName(file)!)!.Split('=')[1], System.Globalization.CultureInfo.InvariantCulture);
            var year = int.Parse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(file))!)!.Split('=')[1], System.Globalization.CultureInfo.InvariantCulture);
            await using var stream = File.OpenRead(file);
            await using var reader = await Parquet.ParquetReader.CreateAsync(stream);
            var fields = reader.Schema.GetDataFields();
            for (var group = 0; group < reader.RowGroupCount; group++)
            {
                using var rows = reader.OpenRowGroupReader(group);
                var practices = await Integers(rows, fields.Single(f => f.Name == "practice_key"));
                var values = measure is null ? null : await Integers(rows, fields.Single(f => f.Name == measure));
                for (var i = 0; i < practices.Length; i++)
                {
                    var key = (year, month, practices[i]);
                    totals[key] = totals.GetValueOrDefault(key) + (values?[i] ?? 1);
                }
            }
        }
        return totals;
    }

    // An integer column (int32 or int64, required or optional as the writer chose) as longs; a null fails the test.
    private static async Task<long[]> Integers(Parquet.ParquetRowGroupReader rows, Parquet.Schema.DataField field)
    {
        var count = checked((int)rows.RowCount);
        if (field.ClrType == typeof(int))
        {
            if (!field.IsNullable)
            {
                var required = new int[count];
                await rows.ReadAsync<int>(field, required.AsMemory(), null);
                return [.. required.Select(v => (long)v)];
            }
            var optional = new int?[count];
            await rows.ReadAsync<int>(field, optional.AsMemory(), null);
            return [.. optional.Select(v => (long)v!.Value)];
        }
        field.ClrType.Should().Be<long>($"{field.Name} is an integer column");
        if (!field.IsNullable)
        {
            var required = new long[count];
            await rows.ReadAsync<long>(field, required.AsMemory(), null);
            return required;
        }
        var values = new long?[count];
        await rows.ReadAsync<long>(field, values.AsMemory(), null);
        return [.. values.Select(v => v!.Value)];
    }

    private static async Task<Dictionary<(int, int, long), long>> Totals(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var totals = new Dictionary<(int, int, long), long>();
        while (await reader.ReadAsync())
        {
            totals[(Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture), Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture),
                Convert.ToInt64(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture))] = Convert.ToInt64(reader.GetValue(3), System.Globalization.CultureInfo.InvariantCulture);
        }
        return totals;
    }
}
