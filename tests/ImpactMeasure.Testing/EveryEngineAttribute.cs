using System.Reflection;
using Xunit.Sdk;

namespace ImpactMeasure.Testing;

/// <summary>Runs a theory once per engine (DuckDB, single-node PostgreSQL, Citus):
/// <c>[Theory, EveryEngine] public async Task X(string engine)</c>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class EveryEngineAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => EngineNames.All.Select(engine => new object[] { engine });
}
