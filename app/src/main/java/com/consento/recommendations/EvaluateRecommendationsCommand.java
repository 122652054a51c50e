package com.consento.recommendations;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code evaluate-recommendations --input FILE.csv[.gz] [--verbose]}: runs the leave-last-out protocol of
 * the Online Retail README on a file of that layout and prints one JSON line with the trained model's
 * HR@10 and NDCG@10 next to the popularity baseline's.
 */
public final class EvaluateRecommendationsCommand {

    public static final String NAME = "evaluate-recommendations";
    static final String USAGE = "usage: " + NAME + " --input FILE.csv[.gz] [--verbose]";

    private EvaluateRecommendationsCommand() {
    }

    /** @return 0 on success, 2 on bad arguments or an input that cannot be read (message on stderr) */
    public static int run(String[] args, PrintStream out) {
        return run(args, out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path input = null;
        boolean verbose = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (i == 0 && arg.equals(NAME)) {
                continue;
            }
            if (arg.equals("--input") && i + 1 < args.length) {
                input = Path.of(args[++i]);
            } else if (arg.startsWith("--input=") && arg.length() > "--input=".length()) {
                input = Path.of(arg.substring("--input=".length()));
            } else if (arg.equals("--verbose")) {
                verbose = true;
            } else {
                err.println(NAME + ": unexpected argument '" + arg + "'");
                err.println(USAGE);
                return 2;
            }
        }
        if (input == null) {
            err.println(NAME + ": --input is required");
            err.println(USAGE);
            return 2;
        }
        if (!Files.isRegularFile(input) || !Files.isReadable(input)) {
            err.println(NAME + ": cannot read input file " + input.toAbsolutePath());
            return 2;
        }
        Map<String, List<String>> sequences;
        try {
            sequences = PurchaseSequences.read(input);
        } catch (IOException | UncheckedIOException e) {
            err.println(NAME + ": cannot read " + input + ": " + e.getMessage());
            return 2;
        }
        LeaveLastOutSplit split = LeaveLastOutSplit.of(sequences);
        if (split.customers() == 0) {
            err.println(NAME + ": " + input + " has no customer with two or more distinct purchased items");
            return 2;
        }
        RankingMetrics popularity = RankingEvaluator.evaluate(split,
                new PopularityScorer(split.training(), split.catalog().size()));
        long start = System.nanoTime();
        RecommendationModel model =
                RecommendationTrainer.train(split.catalog(), split.training(), SearchSpace.DEFAULT);
        double trainingSeconds = (System.nanoTime() - start) / 1e9;
        RankingMetrics metrics = RankingEvaluator.evaluate(split, model.scorer());
        out.println(json(metrics, popularity, split));
        if (verbose) {
            ModelParameters p = model.parameters();
            err.printf(Locale.ROOT, "training %.1f s on %d cores; lambda=%.1f halfLife=%s transitionWeight=%s"
                            + " validationNdcg=%.4f%n", trainingSeconds, Runtime.getRuntime().availableProcessors(),
                    p.lambda(), p.halfLife(), p.transitionWeight(), p.validationNdcg());
        }
        return 0;
    }

    static String json(RankingMetrics model, RankingMetrics popularity, LeaveLastOutSplit split) {
        return String.format(Locale.ROOT,
                "{\"hr\":%.4f,\"ndcg\":%.4f,\"popularityHr\":%.4f,\"popularityNdcg\":%.4f,"
                        + "\"customers\":%d,\"items\":%d}",
                model.hitRate(), model.ndcg(), popularity.hitRate(), popularity.ndcg(),
                split.customers(), split.catalog().size());
    }
}
