package org.gtt.cli;

import java.io.PrintStream;
import java.util.Arrays;

/** The jar's entry point: {@code serve}, {@code build}, {@code bench} and {@code record-races}. */
public final class Main {
    static final String USAGE = """
            Gradients Through Time — an interactive course on vanishing and exploding gradients.

            Usage: java -jar gradients-through-time.jar <command> [options]

            Commands:
              serve   Serve the course and the gradient API.
              build   Write the static HTML snapshot of the course to a folder.
              bench   Measure the gradient engine and API (run from the repository root;
                      options: --quick --no-wrk --no-numpy --python P --wrk-seconds N).
                      `bench train`: the trainer against PyTorch, and the default race.
              record-races
                      Train the lessons' train-widget races and bundle their recordings
                      (run from the repository root; build and serve then need not train).

            Run a command with --help for its options.
            """;

    static final String BENCH_HELP = """
            Usage: java -jar gradients-through-time.jar bench [options]

            Measures the gradient engine and API and prints a Markdown report. Run it from the
            repository root: it uses src/test/bench/ (the NumPy script and the wrk script).
            `bench train` times the trainer against PyTorch instead (see bench train --help).

            Options:
              --quick                 Fewer repetitions and 3 s load runs (default: full runs, 10 s loads).
              --no-wrk                Skip the load runs with /usr/bin/wrk (default: run them when wrk is installed).
              --no-numpy              Skip the NumPy comparison (default: run it).
              --python <value>        Python with NumPy for the comparison (default: python3).
              --wrk-seconds <value>   Length of each load run (default: 10, or 3 with --quick).
              --help                  Show this help.
            """;

    private Main() {}

    private static int bench(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && args[0].equals("train")) return benchTrain(Arrays.copyOfRange(args, 1, args.length), out, err);
        if (java.util.Arrays.asList(args).contains("--help")) {
            out.print(BENCH_HELP);
            return 0;
        }
        try {
            Bench.main(args);
            return 0;
        } catch (Exception e) {
            err.println("bench failed: " + e.getMessage());
            return 1;
        }
    }

    private static int benchTrain(String[] args, PrintStream out, PrintStream err) {
        Options options = Options.parse(args, BenchTrain.SPEC);
        try {
            return BenchTrain.run(options, out);
        } catch (java.io.IOException | InterruptedException e) {
            err.println("bench train failed: " + e.getMessage());
            return 1;
        }
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        // A successful serve returns while the server's threads keep running; anything else ends here.
        if (code != 0) System.exit(code);
    }

    /** Runs a command; returns its exit code (a successful serve returns while the server runs on). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            (args.length == 0 ? err : out).print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (args[0]) {
                case "serve" -> ServeCommand.run(Options.parse(rest, ServeCommand.SPEC), out, err);
                case "build" -> BuildCommand.run(Options.parse(rest, BuildCommand.SPEC), out, err);
                case "bench" -> bench(rest, out, err);
                case "record-races" -> RecordRacesCommand.run(Options.parse(rest, RecordRacesCommand.SPEC), out, err);
                default -> throw new UsageException("unknown command '" + args[0] + "'\n\n" + USAGE);
            };
        } catch (Options.HelpRequested help) {
            out.print(help.getMessage());
            return 0;
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
    }
}
