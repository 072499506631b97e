using System.Diagnostics;

namespace ImpactMeasure.Testing;

/// <summary>Throwaway clusters left by test processes that ended before their exit handler stopped them (the test
/// host is often killed, not exited): each cluster folder names its owner's process id, and a folder whose owner is
/// gone has its servers stopped and is deleted, so runs never pile up servers.</summary>
internal static class StaleClusters
{
    private const string OwnerFile = "owner.pid";

    /// <summary>Marks a new cluster folder as this process's.</summary>
    public static void Own(string folder) =>
        File.WriteAllText(Path.Combine(folder, OwnerFile), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Stops the servers of every <paramref name="pattern"/> folder in the temp folder whose owner is gone, and
    /// deletes the folder.</summary>
    public static void Reap(string pattern, string binDir)
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), pattern))
        {
            if (!IsStale(folder))
                continue;
            try
            {
                foreach (var data in Directory.GetDirectories(folder).Where(d => File.Exists(Path.Combine(d, "postmaster.pid"))))
                    PostgresServer.Run(Path.Combine(binDir, "pg_ctl"), $"-D {data} -m immediate -w stop", Environment.UserName == "root" ? "postgres" : null);
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                // Another process is reaping it, or it stopped meanwhile: the next run tries again.
            }
        }
    }

    private static bool IsStale(string folder)
    {
        var owner = Path.Combine(folder, OwnerFile);
        // Folders from before owners were recorded: stale once old (another process may be running initdb in a new one).
        if (!File.Exists(owner))
            return Directory.GetLastWriteTimeUtc(folder) < DateTime.UtcNow.AddMinutes(-30);
        if (!int.TryParse(File.ReadAllText(owner), out var pid))
            return true;
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
