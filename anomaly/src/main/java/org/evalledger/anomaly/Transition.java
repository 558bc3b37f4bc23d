package org.evalledger.anomaly;

import java.util.Locale;
import java.util.Optional;
import org.evalledger.core.Derivation;

/**
 * How a model relates to the earlier result it is compared with in S3 (version jump): the
 * child's derivation from its parent, or {@link #NEW_VERSION} for the same model evaluated again.
 * Each type has its own typical jumps (base → instruct gains +25 points on MATH). Immutable and
 * thread-safe.
 */
public enum Transition {
    /** Continued pre-training of a base model. */
    BASE,
    /** Fine-tuning, instruction or chat tuning. */
    FINETUNE,
    /** A merge of several models. */
    MERGE,
    /** A quantised copy. */
    QUANTIZED,
    /** An adapter (LoRA and the like). */
    ADAPTER,
    /** A distilled model. */
    DISTILLED,
    /** Anything else. */
    OTHER,
    /** The same model id evaluated again later. */
    NEW_VERSION;

    /** The transition of a child with this derivation. */
    public static Transition of(Derivation derivation) {
        return switch (derivation) {
            case BASE -> BASE;
            case FINETUNE -> FINETUNE;
            case MERGE -> MERGE;
            case QUANTIZED -> QUANTIZED;
            case ADAPTER -> ADAPTER;
            case DISTILLED -> DISTILLED;
            case OTHER -> OTHER;
        };
    }

    /**
     * The transition for an Open LLM Leaderboard {@code type}/{@code model_type} cell, by
     * ANOMALY.md S3: pretrained and continuously pretrained → {@link #BASE}; fine-tuned on
     * domain-specific datasets and chat models → {@link #FINETUNE}; base merges and moerges →
     * {@link #MERGE}; anything else that names a type → {@link #OTHER}. Emoji, spaces and case do not
     * matter ({@code "🟢 pretrained"} and {@code "pretrained"} are the same).
     *
     * @return empty for a blank cell
     */
    public static Optional<Transition> ofLeaderboardType(String type) {
        String t = type.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (t.isEmpty()) {
            return Optional.empty();
        }
        if (t.startsWith("pretrained") || t.startsWith("continuouslypretrained")) {
            return Optional.of(BASE);
        }
        if (t.startsWith("finetuned") || t.startsWith("chatmodels")) {
            return Optional.of(FINETUNE);
        }
        if (t.startsWith("basemerges")) {
            return Optional.of(MERGE);
        }
        return Optional.of(OTHER);
    }
}
