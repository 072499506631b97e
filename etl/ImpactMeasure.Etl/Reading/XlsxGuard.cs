using System.IO.Compression;
using System.Text;

namespace ImpactMeasure.Etl.Reading;

/// <summary>Checks an XLSX file before ClosedXML, which builds the whole workbook in memory, is given it: the file
/// must be a zip holding a workbook, no part may declare a DTD (an XLSX never needs one; entity expansion is an
/// attack), and the parts may not expand past a cap — counted as they are decompressed, not as the archive claims,
/// so a zip bomb is refused after reading at most the cap.</summary>
public static class XlsxGuard
{
    /// <summary>Largest XLSX accepted: the local extracts are small; a national file belongs in CSV.</summary>
    public const long MaxFileBytes = 32L * 1024 * 1024;

    /// <summary>Largest total of the decompressed parts.</summary>
    public const long MaxExpandedBytes = 128L * 1024 * 1024;

    /// <summary>Throws <see cref="ExtractRejectedException"/> saying what is wrong with the file.</summary>
    public static void Check(string path)
    {
        var name = Path.GetFileName(path);
        var size = new FileInfo(path).Length;
        if (size > MaxFileBytes)
            throw Rejected(name, $"the workbook is {size / 1048576.0:0.#} MB, more than the {MaxFileBytes / 1048576} MB an XLSX extract may be: export it as CSV");
        try
        {
            CheckArchive(path, name);
        }
        catch (InvalidDataException ex)
        {
            // The zip's directory is read lazily: a damaged one can surface at any step.
            throw Rejected(name, $"not a readable XLSX workbook: an XLSX file is a zip archive and this one is not, or is damaged ({ex.Message}): save it again from Excel, or export CSV");
        }
    }

    private static void CheckArchive(string path, string name)
    {
        using (var zip = ZipFile.OpenRead(path))
        {
            if (zip.GetEntry("[Content_Types].xml") is null || zip.GetEntry("xl/workbook.xml") is null)
                throw Rejected(name, "a zip archive but not an XLSX workbook (no xl/workbook.xml): save it from Excel as .xlsx, or export CSV");
            var expanded = 0L;
            var buffer = new byte[81920];
            foreach (var entry in zip.Entries)
            {
                try
                {
                    using var stream = entry.Open();
                    var head = new StringBuilder();
                    int read;
                    while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        expanded += read;
                        if (expanded > MaxExpandedBytes)
                            throw Rejected(name, $"the workbook expands to more than {MaxExpandedBytes / 1048576} MB (a zip bomb, or far too big for XLSX): export it as CSV");
                        if (head.Length < 1024)
                            head.Append(Encoding.UTF8.GetString(buffer, 0, Math.Min(read, 1024)));
                    }
                    if (head.ToString().Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase))
                        throw Rejected(name, $"part {entry.FullName} declares a DTD, which no XLSX workbook needs: refused (save it again from Excel)");
                }
                catch (InvalidDataException ex)
                {
                    throw Rejected(name, $"part {entry.FullName} is damaged ({ex.Message}): save the workbook again from Excel, or export CSV");
                }
            }
        }
    }

    private static ExtractRejectedException Rejected(string name, string reason) => new(name, 1, null, reason);
}
