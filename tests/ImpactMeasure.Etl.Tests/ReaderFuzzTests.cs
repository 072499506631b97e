using System.Text;
using ImpactMeasure.Etl.Formats;
using ImpactMeasure.Etl.Reading;
using ImpactMeasure.Testing;

namespace ImpactMeasure.Etl.Tests;

/// <summary>Issue 11: random and mutated CSV and XLSX files through the readers (a few thousand cases in CI; set
/// <c>IMPACT_FUZZ_CASES</c> for more, e.g. <c>IMPACT_FUZZ_CASES=100000 dotnet test --filter ReaderFuzz</c>): no
/// exception but a rejection naming the file, no hang, bounded memory; and a sample of them through the whole ingest
/// on both engines, where each ends loaded or rejected with its reason, never failed.</summary>
public sealed class ReaderFuzzTests
{
    private static readonly int Cases = int.TryParse(Environment.GetEnvironmentVariable("IMPACT_FUZZ_CASES"), out var n) && n > 0 ? n : 2000;

    [Fact]
    public async Task Random_and_mutated_files_are_read_or_rejected_with_a_reason()
    {
        var folder = Directory.CreateTempSubdirectory("impact-fuzz-").FullName;
        try
        {
            var seeds = Seeds(folder);
            var random = new Random(20261204);
            for (var i = 0; i < Cases; i++)
            {
                var (path, description) = Mutant(folder, seeds, random, i);
                var read = Task.Run(() => ReadWhole(path));
                var finished = await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(20)));
                finished.Should().BeSameAs(read, $"case {i} ({description}) must not hang");
                var outcome = await read;
                outcome.Should().NotStartWith("crash", $"case {i} ({description})");
                Environment.WorkingSet.Should().BeLessThan(2L << 30, $"case {i} ({description}) must not balloon memory");
                File.Delete(path);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory, EveryEngine]
    public async Task Mutated_files_through_the_ingest_end_loaded_or_rejected(string engine)
    {
        await using var etl = await EtlHarness.CreateAsync(engine);
        var seeds = Seeds(etl.Folder);
        var random = new Random(4);
        for (var i = 0; i < 40; i++)
        {
            var (path, description) = Mutant(etl.Folder, seeds, random, i);
            var result = await etl.IngestAsync(path);
            result.Status.Should().BeOneOf([LoadStatus.Loaded, LoadStatus.NoRows, LoadStatus.Rejected, LoadStatus.AlreadyLoaded], $"case {i} ({description}): {result.Message}");
            if (result.Status == LoadStatus.Rejected)
                result.Message.Should().StartWith(Path.GetFileName(path), $"case {i} ({description})");
        }
    }

    // "read N rows", "rejected: …", or "crash: …" for anything else.
    private static string ReadWhole(string path)
    {
        try
        {
            return Read(path);
        }
        catch (ExtractRejectedException ex)
        {
            return ex.Message.StartsWith(Path.GetFileName(path), StringComparison.Ordinal) ? "rejected: " + ex.Message : "crash: unnamed rejection " + ex.Message;
        }
        catch (Exception ex)
        {
            return $"crash: {ex.GetType().Name}: {ex.Message}";
        }
    }

    private static string Read(string path)
    {
        using var source = RowSources.Open(path);
        FormatDetector.Detect(source.Header, Path.GetFileName(path));
        var rows = 0;
        while (source.MoveNext())
        {
            for (var c = 0; c < source.ColumnCount; c++)
                _ = source[c].Length;
            rows++;
        }
        _ = source.Sha256Hex();
        return $"read {rows} rows";
    }

    private static List<(string Extension, byte[] Bytes)> Seeds(string folder)
    {
        var sample = Path.Combine(RepositoryRoot.Path, "sample-data", "sample");
        byte[] Head(string file, int lines) => Encoding.UTF8.GetBytes(string.Join("\n", File.ReadLines(file).Take(lines)) + "\n");
        var workbook = HostileFiles.Workbook(folder, "seed.xlsx", rows: 5);
        var seeds = new List<(string, byte[])>
        {
            (".csv", Head(Path.Combine(sample, "gpad", "practice-level-crosstab-2024-10.csv"), 40)),
            (".csv", Head(Path.Combine(sample, "local", "signposting-2025-09.csv"), 40)),
            (".csv", Head(Path.Combine(sample, "reference", "list-size-2025-09.csv"), 40)),
            (".xlsx", File.ReadAllBytes(workbook)),
        };
        File.Delete(workbook);
        return seeds;
    }

    private static (string Path, string Description) Mutant(string folder, List<(string Extension, byte[] Bytes)> seeds, Random random, int i)
    {
        var (extension, seed) = seeds[random.Next(seeds.Count)];
        var bytes = seed.ToList();
        string description;
        switch (random.Next(7))
        {
            case 0:
                var flips = random.Next(1, 20);
                for (var f = 0; f < flips; f++)
                    bytes[random.Next(bytes.Count)] = (byte)random.Next(256);
                description = $"{flips} random bytes";
                break;
            case 1:
                var cut = random.Next(bytes.Count);
                bytes.RemoveRange(cut, bytes.Count - cut);
                description = $"truncated at {cut}";
                break;
            case 2:
                var at = random.Next(bytes.Count);
                var insert = Encoding.UTF8.GetBytes(new[] { "\"", ",", "\n", "\r", "\"\"", "\0", "=1+1", "\uFEFF", "é", new string(',', 50) }[random.Next(10)]);
                for (var k = random.Next(1, 10); k > 0; k--)
                    bytes.InsertRange(Math.Min(at + k, bytes.Count), insert);
                description = $"inserted {Encoding.UTF8.GetString(insert)}";
                break;
            case 3:
                var from = random.Next(bytes.Count);
                var length = Math.Min(random.Next(1, 400), bytes.Count - from);
                var chunk = bytes.GetRange(from, length);
                for (var k = random.Next(1, 50); k > 0; k--)
                    bytes.InsertRange(random.Next(bytes.Count), chunk);
                description = "chunks repeated";
                break;
            case 4:
                bytes = [.. Enumerable.Range(0, random.Next(0, 4000)).Select(_ => (byte)random.Next(256))];
                description = "random bytes only";
                break;
            case 5:
                var text = Encoding.UTF8.GetString([.. bytes]);
                bytes = [.. new UnicodeEncoding(random.Next(2) == 0, random.Next(2) == 0).GetBytes(text)];
                description = "as UTF-16";
                break;
            default:
                var line = Encoding.UTF8.GetBytes("\n" + new string('x', random.Next(1, 200_000)) + "\n");
                bytes.InsertRange(bytes.Count, line);
                description = "a very long line";
                break;
        }
        var path = Path.Combine(folder, $"fuzz-{i}{extension}");
        File.WriteAllBytes(path, [.. bytes]);
        return (path, description);
    }
}
