using System.Reflection;
using Xunit.Sdk;

namespace ImpactMeasure.Testing;

/// <summary>Runs a theory once per engine: <c>[Theory, BothEngines] public async Task X(string engine)</c>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BothEnginesAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        Environment.GetEnvironmentVariable(EngineNames.CitusVariable) == "1"
            ? [[EngineNames.DuckDb], [EngineNames.Postgres], [EngineNames.Citus]]
            : [[EngineNames.DuckDb], [EngineNames.Postgres]];
}
