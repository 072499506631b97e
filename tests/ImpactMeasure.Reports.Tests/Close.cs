namespace ImpactMeasure.Reports.Tests;

/// <summary>Relative comparison of computed values with reference values.</summary>
internal static class Close
{
    public static void Check(double? actual, double? expected, double relative, string because)
    {
        if (expected is null)
        {
            actual.Should().BeNull(because);
            return;
        }
        actual.Should().NotBeNull(because);
        var tolerance = Math.Max(Math.Abs(expected.Value) * relative, relative * 1e-3);
        actual!.Value.Should().BeApproximately(expected.Value, tolerance, because);
    }
}
