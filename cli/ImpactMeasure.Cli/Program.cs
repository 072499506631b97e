using ImpactMeasure.Cli;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
return await ImpactCommandLine.RunAsync(args, new CliOutput(Console.Out, Console.Error), cancel.Token);
