using BenchmarkDotNet.Running;
using Panah.Benchmarks;
using Panah.Cli.Dedupe;
using Spectre.Console.Cli;

return args.FirstOrDefault() switch
{
    "febrl" => Febrl.Run(args.Skip(1).ToArray()),
    "synth" => SyntheticRun.Run(args.Skip(1).ToArray()),
    "online" => OnlineRun.Run(args.Skip(1).ToArray()),
    "incremental" => IncrementalRun.Run(args.Skip(1).ToArray()),
    "index-footprint" => IndexFootprint.Run(args.Skip(1).ToArray()),
    "pg-baseline" => PostgresBaseline.Run(args.Skip(1).ToArray()),
    "dedupe" => await new CommandApp<DedupeCommand>().RunAsync(args.Skip(1).ToArray()),
    "score" => ScoreClusters.Run(args.Skip(1).ToArray()),
    _ => RunBenchmarkDotNet(args),
};

static int RunBenchmarkDotNet(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Febrl).Assembly).Run(args);
    return 0;
}
