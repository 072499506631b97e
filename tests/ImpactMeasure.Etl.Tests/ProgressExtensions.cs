namespace ImpactMeasure.Etl.Tests;

internal static class ProgressExtensions
{
    /// <summary>Runs an action the first time progress is reported: a hook into the middle of a load.</summary>
    public static IProgress<IngestProgress> AsProgress(this Action action)
    {
        var done = false;
        return new SyncProgress(_ =>
        {
            if (done)
                return;
            done = true;
            action();
        });
    }

    private sealed class SyncProgress(Action<IngestProgress> report) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => report(value);
    }
}
