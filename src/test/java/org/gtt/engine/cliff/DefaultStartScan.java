package org.gtt.engine.cliff;

import java.util.Locale;

/**
 * How the course's default descent was chosen, and a tool to redo it: for each start (w0, b0) of a lattice
 * below the wall, whether the lesson's claim holds there (the plain descent's largest step is at least
 * 10× the clipped one's, and the clipped descent ends at lower loss) and at how many of the 8 neighbours
 * 0.01 away. The claim is sensitive to where the plain step lands, so the default is a start whose whole
 * neighbourhood agrees. Run: {@code java -cp target/classes:target/test-classes org.gtt.engine.cliff.DefaultStartScan [lr] [clip]}.
 */
final class DefaultStartScan {
    static final double NEIGHBOUR = 0.01;

    private DefaultStartScan() {}

    /** The claim of lesson 04 for one start. */
    static boolean claimHolds(CliffModel model, Descent.Settings plain, Clipping clipping) {
        Trajectory free = Descent.run(model, plain);
        Trajectory clipped = Descent.run(model, plain.withClipping(clipping));
        return free.note() == null && clipped.note() == null
                && free.largestStep() >= 10 * clipped.largestStep()
                && clipped.last().loss() < free.last().loss();
    }

    /** How many of the start's 8 neighbours at ±{@link #NEIGHBOUR} also satisfy the claim (−1 if the start does not). */
    static int agreeingNeighbours(CliffModel model, Descent.Settings plain, Clipping clipping) {
        if (!claimHolds(model, plain, clipping)) return -1;
        int agreeing = 0;
        for (int dw = -1; dw <= 1; dw++) {
            for (int db = -1; db <= 1; db++) {
                if (dw == 0 && db == 0) continue;
                Descent.Settings moved = new Descent.Settings(plain.w0() + dw * NEIGHBOUR, plain.b0() + db * NEIGHBOUR,
                        plain.learningRate(), plain.iterations(), Clipping.NONE);
                if (claimHolds(model, moved, clipping)) agreeing++;
            }
        }
        return agreeing;
    }

    /** The share of the 5 × 5 starts spaced {@code spacing} around the start (itself included) where the claim holds. */
    static double agreeingShare(CliffModel model, Descent.Settings plain, Clipping clipping, double spacing) {
        int agreeing = 0;
        for (int dw = -2; dw <= 2; dw++) {
            for (int db = -2; db <= 2; db++) {
                Descent.Settings moved = new Descent.Settings(plain.w0() + dw * spacing, plain.b0() + db * spacing,
                        plain.learningRate(), plain.iterations(), Clipping.NONE);
                if (claimHolds(model, moved, clipping)) agreeing++;
            }
        }
        return agreeing / 25.0;
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("--column")) {
            column(Double.parseDouble(args[1]), Double.parseDouble(args[2]), Double.parseDouble(args[3]));
            return;
        }
        double lr = args.length > 0 ? Double.parseDouble(args[0]) : CliffDefaults.LEARNING_RATE;
        double clip = args.length > 1 ? Double.parseDouble(args[1]) : CliffDefaults.CLIP;
        CliffModel model = CliffModel.pascanu(CliffModel.DEFAULT_STEPS);
        System.out.printf(Locale.ROOT, "learning rate %s, norm clipping at %s, %d iterations; digit = agreeing neighbours"
                + " (of 8), . = claim fails%n", lr, clip, CliffDefaults.ITERATIONS);
        for (int i = 0; i <= 20; i++) {
            double w0 = 4.6 + 0.04 * i;
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "w0 %.2f  ", w0));
            for (int j = 0; j <= 40; j++) {
                double b0 = -3.0 + 0.01 * j;
                if (b0 >= model.wallBias(w0)) break;
                int n = agreeingNeighbours(model, new Descent.Settings(w0, b0, lr, CliffDefaults.ITERATIONS, Clipping.NONE),
                        Clipping.norm(clip));
                row.append(n < 0 ? "." : String.valueOf(n));
            }
            System.out.println(row + "   (b0 from -3.00 in steps of 0.01 up to the wall)");
        }
    }

    /** At one w0, every b0 below the wall in steps of 0.01: the claim, and the shares of agreeing starts 0.01 and 0.02 apart. */
    private static void column(double w0, double lr, double clip) {
        CliffModel model = CliffModel.pascanu(CliffModel.DEFAULT_STEPS);
        for (int j = 0; -3.0 + 0.01 * j < model.wallBias(w0); j++) {
            double b0 = -3.0 + 0.01 * j;
            Descent.Settings plain = new Descent.Settings(w0, b0, lr, CliffDefaults.ITERATIONS, Clipping.NONE);
            Trajectory free = Descent.run(model, plain);
            Trajectory clipped = Descent.run(model, plain.withClipping(Clipping.norm(clip)));
            System.out.printf(Locale.ROOT, "b0 %.2f  claim %-5s  share(0.01) %.2f  share(0.02) %.2f  plain step %.3g -> E %.3g  clipped step %.3g -> E %.3g%n",
                    b0, claimHolds(model, plain, Clipping.norm(clip)), agreeingShare(model, plain, Clipping.norm(clip), 0.01),
                    agreeingShare(model, plain, Clipping.norm(clip), 0.02), free.largestStep(), free.last().loss(),
                    clipped.largestStep(), clipped.last().loss());
        }
    }
}
