namespace ImpactMeasure.Cli;

/// <summary>The process exit codes of every <c>impact</c> command (ARCHITECTURE.md).</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;
    public const int InputRejected = 3;
}
