using System.IO.Compression;
using System.Text.RegularExpressions;
using ImpactMeasure.Warehouse.Sql;

namespace ImpactMeasure.Testing;

/// <summary>An NHS-number scan written apart from the ETL's own finder (regular expressions here): any 10-digit
/// run, whole or as 3-3-4 groups split by spaces, dots, slashes or dashes, that passes the modulus-11 check, in
/// every text column of every table of a warehouse, in every file under a folder (inside XLSX parts too) and in
/// captured logs.</summary>
public static partial class NhsNumberScan
{
    [GeneratedRegex(@"(?<![A-Za-z0-9.])(?:\d{10}|\d{3}[\s./\-–]{1,5}\d{3}[\s./\-–]{1,5}\d{4})(?![A-Za-z0-9])")]
    private static partial Regex Candidate();

    /// <summary>The NHS numbers in a text, as written there.</summary>
    public static IEnumerable<string> In(string text) =>
        Candidate().Matches(text).Select(m => m.Value).Where(v => PassesCheck(new string(v.Where(char.IsAsciiDigit).ToArray())));

    /// <summary>"table.column: value" for every NHS number stored in the warehouse.</summary>
    public static async Task<List<string>> WarehouseAsync(ImpactMeasure.Warehouse.Warehouse warehouse)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        await using var connection = await warehouse.OpenConnectionAsync();
        var tables = await connection.RowsAsync(
            "select table_schema, table_name from information_schema.tables where table_schema in ('main', 'public') and table_type = 'BASE TABLE'");
        var found = new List<string>();
        foreach (var table in tables)
        {
            await using var command = connection.Command($"select * from \"{table[0]}\".\"{table[1]}\"");
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (reader.IsDBNull(i) || reader.GetValue(i) is not string text)
                        continue;
                    found.AddRange(In(text).Select(n => $"{table[1]}.{reader.GetName(i)}: {n}"));
                }
            }
        }
        return found;
    }

    /// <summary>"file: value" for every NHS number in the files under a folder.</summary>
    public static List<string> Folder(string folder)
    {
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            if (file.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) && Parts(file) is { } parts)
                found.AddRange(parts.SelectMany(p => In(p.Text).Select(n => $"{file}!{p.Name}: {n}")));
            else
                found.AddRange(In(File.ReadAllText(file)).Select(n => $"{file}: {n}"));
        }
        return found;
    }

    // The text of each part of a workbook, or null when it is no readable zip (then it is scanned as it is).
    private static List<(string Name, string Text)>? Parts(string file)
    {
        try
        {
            using var zip = ZipFile.OpenRead(file);
            return zip.Entries.Select(part =>
            {
                using var reader = new StreamReader(part.Open());
                return (part.FullName, reader.ReadToEnd());
            }).ToList();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static bool PassesCheck(string digits)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
            sum += (digits[i] - '0') * (10 - i);
        var check = (11 - sum % 11) % 11;
        return check != 10 && check == digits[9] - '0';
    }
}
