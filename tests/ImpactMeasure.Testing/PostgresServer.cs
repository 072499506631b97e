using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ImpactMeasure.Testing;

/// <summary>A throwaway PostgreSQL cluster for one test run: initdb + pg_ctl from the machine's binaries
/// into a temp dir, on 127.0.0.1 and a free port, stopped when the test process exits.
/// <c>IMPACT_TEST_PG</c> (an Npgsql connection string to a superuser) uses an existing server instead.</summary>
public sealed class PostgresServer
{
    public const string OverrideVariable = "IMPACT_TEST_PG";
    private static readonly Lazy<PostgresServer> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly string? _dataDir;
    private readonly string? _binDir;

    private PostgresServer(string adminConnectionString, string? dataDir, string? binDir)
    {
        AdminConnectionString = adminConnectionString;
        _dataDir = dataDir;
        _binDir = binDir;
    }

    /// <summary>The server for this test process, started on first use.</summary>
    public static PostgresServer Instance => Shared.Value;

    /// <summary>A superuser connection to the <c>postgres</c> database.</summary>
    public string AdminConnectionString { get; }

    /// <summary>Creates an empty database and returns a connection string to it.</summary>
    public string CreateDatabase(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)].ToLowerInvariant();
        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"create database \"{name}\"", connection);
        command.ExecuteNonQuery();
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    public void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"drop database if exists \"{name}\" with (force)", connection);
        command.ExecuteNonQuery();
    }

    private static PostgresServer Start()
    {
        var existing = Environment.GetEnvironmentVariable(OverrideVariable);
        if (!string.IsNullOrWhiteSpace(existing))
            return new PostgresServer(new NpgsqlConnectionStringBuilder(existing) { Database = "postgres" }.ConnectionString, null, null);

        var binDir = PostgresBinaries.Find();
        StaleClusters.Reap("impact-pg-*", binDir);
        var dataDir = Path.Combine(Path.GetTempPath(), $"impact-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dataDir);
        StaleClusters.Own(dataDir);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
            Run("chown", $"postgres {dataDir}", null);
        var port = FreePort();
        var server = new PostgresServer(
            $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true;Timeout=30", dataDir, binDir);
        Run(Path.Combine(binDir, "initdb"), $"-D {dataDir}/data -U postgres -A trust -E UTF8 --no-locale --no-sync", asRoot ? "postgres" : null);
        // fsync off and a small footprint: a test cluster holds nothing worth keeping.
        var options = $"-p {port} -k {dataDir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
        Run(Path.Combine(binDir, "pg_ctl"), $"-D {dataDir}/data -l {dataDir}/server.log -w -t 60 -o \"{options}\" start", asRoot ? "postgres" : null);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        return server;
    }

    private void Stop()
    {
        if (_dataDir is null || _binDir is null)
            return;
        try
        {
            NpgsqlConnection.ClearAllPools();
            Run(Path.Combine(_binDir, "pg_ctl"), $"-D {_dataDir}/data -m immediate -w stop", Environment.UserName == "root" ? "postgres" : null);
        }
        finally
        {
            Directory.Delete(_dataDir, recursive: true);
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static void Run(string program, string arguments, string? asUser)
    {
        var info = asUser is null
            ? new ProcessStartInfo(program, arguments)
            : new ProcessStartInfo("runuser", $"-u {asUser} -- {program} {arguments}");
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {arguments} failed ({process.ExitCode}): {stderr}{stdout.Result}");
    }
}
