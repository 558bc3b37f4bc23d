package org.evalledger.interop;

import java.util.Optional;

/** A foreign format, named as the CLI's {@code --from} names it. Immutable and thread-safe. */
public enum Format {
    /** lm-evaluation-harness {@code results_*.json} (0.4.x). */
    LM_EVAL("lm-eval"),
    /** Every Eval Ever aggregate record (0.2.x, 0.3.0). */
    EEE("eee"),
    /** Hugging Face model card {@code model-index} (README front matter). */
    MODEL_INDEX("model-index"),
    /** Hugging Face {@code .eval_results/*.yaml}. */
    EVAL_RESULTS("eval-results"),
    /** Inspect AI EvalLog JSON (version 2). */
    INSPECT("inspect"),
    /** A HELM run directory. */
    HELM("helm"),
    /** Open LLM Leaderboard v1 or v2 CSV table. */
    LEADERBOARD_CSV("leaderboard-csv");

    private final String cliName;

    Format(String cliName) {
        this.cliName = cliName;
    }

    /** The CLI's name, e.g. {@code lm-eval}. */
    public String cliName() {
        return cliName;
    }

    /** The format with this CLI name. */
    public static Optional<Format> fromCliName(String name) {
        for (Format f : values()) {
            if (f.cliName.equals(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
