using ImpactMeasure.Warehouse.Engines;
using Npgsql;

namespace ImpactMeasure.Testing;

/// <summary>A throwaway Citus cluster for one test run: a coordinator and two workers, each a PostgreSQL cluster made
/// by initdb from the machine's binaries with Citus preloaded, on 127.0.0.1 and free ports, stopped when the test
/// process exits. Citus must be installed (../shared/tools/install-citus builds it); when it is not, the test fails
/// saying so — it is never skipped.</summary>
public sealed class CitusCluster
{
    private static readonly Lazy<CitusCluster> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly string _root;
    private readonly string _binDir;
    private readonly int[] _ports;
    private readonly Lock _creating = new();

    private CitusCluster(string root, string binDir, int[] ports)
    {
        _root = root;
        _binDir = binDir;
        _ports = ports;
    }

    public static CitusCluster Instance => Shared.Value;

    /// <summary>The ports of the two workers.</summary>
    public IReadOnlyList<int> WorkerPorts => _ports[1..];

    /// <summary>Creates a database on every node with the citus extension, registers the workers with the
    /// coordinator (as a benchmark's throwaway warehouse is made), and returns a connection string to the
    /// coordinator's database.</summary>
    public string CreateDatabase(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)].ToLowerInvariant();
        // One at a time: citus_add_node re-creates the (cluster-wide) role on the worker, and two tests adding the same
        // worker at once fail with "tuple concurrently updated". Task.Run: the callers are synchronous, and blocking on
        // the test's own context could deadlock.
        lock (_creating)
        {
            return Task.Run(() => CitusDatabases.CreateAsync(Admin(_ports[0], "postgres", pooled: true), [.. WorkerPorts.Select(p => ("127.0.0.1", p))], name))
                .GetAwaiter().GetResult();
        }
    }

    /// <summary>Drops a database made by <see cref="CreateDatabase"/> on every node.</summary>
    public static void DropDatabase(string connectionString) =>
        Task.Run(() => CitusDatabases.DropAsync(connectionString)).GetAwaiter().GetResult();

    // The warehouse's connections are pooled, as a user's are: an unpooled coordinator session connects to every worker
    // again for its first distributed statement (about 80 ms a load batch on this machine).
    private static string Admin(int port, string database, bool pooled = false) =>
        $"Host=127.0.0.1;Port={port};Username=postgres;Database={database};Pooling={(pooled ? "true" : "false")};Timeout=30";

    private static CitusCluster Start()
    {
        var binDir = PostgresBinaries.Find();
        var library = Path.Combine(Path.GetDirectoryName(binDir)!, "lib", "citus.so");
        if (!File.Exists(library))
        {
            throw new InvalidOperationException(
                $"Citus is not installed for the PostgreSQL in {binDir} (no {library}): run ../shared/tools/install-citus from the repository root "
                + "(it builds Citus 13.2.2 for this machine's PostgreSQL in about 3 minutes), then run the tests again");
        }
        StaleClusters.Reap("impact-citus-*", binDir);
        var root = Path.Combine(Path.GetTempPath(), $"impact-citus-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        StaleClusters.Own(root);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
            PostgresServer.Run("chown", $"postgres {root}", null);
        var ports = Enumerable.Range(0, 3).Select(_ => PostgresServer.FreePort()).Distinct().ToArray();
        var cluster = new CitusCluster(root, binDir, ports);
        foreach (var port in ports)
        {
            PostgresServer.Run(Path.Combine(binDir, "initdb"), $"-D {root}/{port} -U postgres -A trust -E UTF8 --no-locale --no-sync", asRoot ? "postgres" : null);
            // Four shards a table, not Citus's 32: two on each worker still spread every fact over both (what the tests
            // prove), and each test creates its own distributed tables and runs every statement over every shard.
            var options = $"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c shared_preload_libraries=citus -c citus.shard_count=4 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
            PostgresServer.Run(Path.Combine(binDir, "pg_ctl"), $"-D {root}/{port} -l {root}/{port}.log -w -t 60 -o \"{options}\" start", asRoot ? "postgres" : null);
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop();
        return cluster;
    }

    private void Stop()
    {
        try
        {
            NpgsqlConnection.ClearAllPools();
            foreach (var port in _ports)
                PostgresServer.Run(Path.Combine(_binDir, "pg_ctl"), $"-D {_root}/{port} -m immediate -w stop", Environment.UserName == "root" ? "postgres" : null);
        }
        finally
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
