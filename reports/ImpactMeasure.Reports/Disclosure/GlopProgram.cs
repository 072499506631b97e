using Google.OrTools.LinearSolver;

namespace ImpactMeasure.Reports.Disclosure;

/// <summary>A GLOP solver and the variables and constraints made on it, disposed together. OR-Tools' C# wrappers each
/// carry a finalizer although the solver owns what they point to: left to the collector, every one survives a
/// collection to be finalized. Nationally the complement search alone makes half a million of them, and the
/// promotions cost dozens of generation 1 collections in a second.</summary>
internal sealed class GlopProgram : IDisposable
{
    private readonly List<IDisposable> _wrappers = [];
    private Objective? _objective;

    public Solver Solver { get; } = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("the GLOP linear solver is not available");

    public Objective Objective => _objective ??= Track(Solver.Objective());

    public Variable Variable(double low, double high) => Track(Solver.MakeNumVar(low, high, ""));

    public Constraint Constraint(double low, double high) => Track(Solver.MakeConstraint(low, high));

    /// <summary>Empties the program for the next one on the same solver (making a solver costs more than a small
    /// program).</summary>
    public void Clear()
    {
        DisposeWrappers();
        Solver.Clear();
    }

    public void Dispose()
    {
        DisposeWrappers();
        Solver.Dispose();
    }

    private void DisposeWrappers()
    {
        foreach (var wrapper in _wrappers)
            wrapper.Dispose();
        _wrappers.Clear();
        _objective = null;
    }

    private T Track<T>(T wrapper)
        where T : IDisposable
    {
        _wrappers.Add(wrapper);
        return wrapper;
    }
}
