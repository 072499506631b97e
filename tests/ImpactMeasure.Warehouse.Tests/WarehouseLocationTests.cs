using ImpactMeasure.Warehouse;

namespace ImpactMeasure.Warehouse.Tests;

public class WarehouseLocationTests
{
    [Fact]
    public void A_duckdb_path_is_made_absolute()
    {
        var location = WarehouseLocation.Parse("duckdb:out/impact.duckdb");

        location.Engine.Should().Be(WarehouseEngine.DuckDb);
        location.DuckDbPath.Should().Be(Path.GetFullPath("out/impact.duckdb"));
        location.IsInMemory.Should().BeFalse();
    }

    [Fact]
    public void Duckdb_memory_is_in_memory()
    {
        var location = WarehouseLocation.Parse("duckdb::memory:");

        location.IsInMemory.Should().BeTrue();
        location.ConnectionString.Should().Be("Data Source=:memory:");
    }

    [Fact]
    public void A_postgres_uri_becomes_a_connection_string_without_printing_the_password()
    {
        var location = WarehouseLocation.Parse("postgres://analyst:s%40cret@db.example:6543/impact?sslmode=disable");

        location.Engine.Should().Be(WarehouseEngine.Postgres);
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(location.ConnectionString);
        builder.Host.Should().Be("db.example");
        builder.Port.Should().Be(6543);
        builder.Database.Should().Be("impact");
        builder.Username.Should().Be("analyst");
        builder.Password.Should().Be("s@cret");
        builder.SslMode.Should().Be(Npgsql.SslMode.Disable);
        location.Display.Should().Be("postgres://analyst@db.example:6543/impact").And.NotContain("cret");
    }

    [Fact]
    public void A_postgres_uri_without_port_uses_5432()
    {
        new Npgsql.NpgsqlConnectionStringBuilder(WarehouseLocation.Parse("postgresql://u@localhost/w").ConnectionString)
            .Port.Should().Be(5432);
    }

    [Fact]
    public void An_npgsql_connection_string_is_accepted()
    {
        var location = WarehouseLocation.Parse("Host=127.0.0.1;Port=5433;Database=w;Username=u");

        location.Engine.Should().Be(WarehouseEngine.Postgres);
        location.Display.Should().Be("postgres://u@127.0.0.1:5433/w");
    }

    [Theory]
    [InlineData("mysql://u@h/db", "unrecognised warehouse")]
    [InlineData("duckdb:", "names no file")]
    [InlineData("postgres://u:secret@host:5432", "names no database")]
    [InlineData("postgres://u:secret@:5432/db", "malformed PostgreSQL URI")]
    [InlineData("Host=h;Bogus=1;Database=d", "malformed connection string")]
    [InlineData("Port=5432;Database=d", "names no Host")]
    public void Malformed_uris_get_a_one_line_reason(string uri, string reason)
    {
        var act = () => WarehouseLocation.Parse(uri);

        var error = act.Should().Throw<WarehouseException>().Which;
        error.Message.Should().Contain(reason).And.NotContain("\n").And.NotContain("secret");
    }

    [Fact]
    public void Without_a_uri_the_environment_then_the_default_is_used()
    {
        var saved = Environment.GetEnvironmentVariable(WarehouseLocation.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(WarehouseLocation.EnvironmentVariable, null);
            WarehouseLocation.Resolve(null).DuckDbPath.Should().Be(Path.GetFullPath("impact.duckdb"));
            Environment.SetEnvironmentVariable(WarehouseLocation.EnvironmentVariable, "duckdb::memory:");
            WarehouseLocation.Resolve(null).IsInMemory.Should().BeTrue();
            WarehouseLocation.Resolve("duckdb:x.duckdb").DuckDbPath.Should().EndWith("x.duckdb");
        }
        finally
        {
            Environment.SetEnvironmentVariable(WarehouseLocation.EnvironmentVariable, saved);
        }
    }
}
