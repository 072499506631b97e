
namespace ImpactMeasure.Cli.Service;

/// <summary>Whether any process holds a file open for writing. On Linux, locks are advisory (a writer that pauses
/// does not stop another process opening the file), so the answer comes from /proc: every process's open files
/// (<c>/proc/PID/fd</c>) and their access mode (<c>flags</c> in <c>/proc/PID/fdinfo</c>). Processes of other users
/// that this one may not inspect are not seen: run the service as the user that writes the drop folder, or write
/// files as <c>name.csv.part</c> and rename them when complete (the rename is atomic; .part files are ignored).</summary>
public static class FileWriters
{
    public static bool AnyWriter(string path)
    {
        if (!OperatingSystem.IsLinux() || !Directory.Exists("/proc/self/fd"))
            return LockedElsewhere(path);
        var full = Path.GetFullPath(path);
        foreach (var process in Directory.EnumerateDirectories("/proc"))
        {
            if (!Path.GetFileName(process).All(char.IsAsciiDigit))
                continue;
            try
            {
                foreach (var fd in Directory.EnumerateFileSystemEntries(Path.Combine(process, "fd")))
                {
                    if (new FileInfo(fd).LinkTarget == full && OpenForWriting(Path.Combine(process, "fdinfo", Path.GetFileName(fd))))
                        return true;
                }
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
            {
                // The process ended, or is not ours to inspect.
            }
        }
        return false;
    }

    // fdinfo's flags are octal open(2) flags; the low two bits are the access mode (1 write only, 2 read and write).
    private static bool OpenForWriting(string fdinfo)
    {
        foreach (var line in File.ReadLines(fdinfo))
        {
            if (line.StartsWith("flags:", StringComparison.Ordinal))
                return (Convert.ToInt32(line["flags:".Length..].Trim(), 8) & 3) != 0;
        }
        return false;
    }

    private static bool LockedElsewhere(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }
}
