package org.evalledger.core;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Canonical benchmark ids (SCHEMA.md "Benchmark ids"), shared by importers, anomaly detection and
 * leaderboard tables: known names map through the alias table first; otherwise the name is
 * lower-cased, a namespace before the last {@code /} is dropped, and every run of characters
 * outside {@code [a-z0-9_.-]} becomes {@code _}. Stateless and thread-safe.
 */
public final class BenchmarkIds {
    private static final Pattern OUTSIDE = Pattern.compile("[^a-z0-9_.-]+");
    private static final Map<String, String> ALIASES = new HashMap<>();

    static {
        alias("arc_challenge", "ARC", "ARC-C", "ARC-Challenge", "ai2_arc + ARC-Challenge", "AI2 Reasoning Challenge (25-Shot)",
                "leaderboard_arc_challenge", "arc");
        alias("arc_easy", "ARC-Easy", "ai2_arc + ARC-Easy");
        alias("hellaswag", "HellaSwag", "HellaSwag (10-Shot)");
        alias("mmlu", "MMLU", "MMLU (5-Shot)", "cais/mmlu", "hendrycksTest");
        alias("truthfulqa_mc2", "TruthfulQA", "TruthfulQA (0-shot)", "truthful_qa + multiple_choice", "truthfulqa");
        alias("truthfulqa_mc1", "truthfulqa_mc1");
        alias("winogrande", "Winogrande", "Winogrande (5-shot)", "Winograd");
        alias("xwinograd", "XWinograd");
        alias("gsm8k", "GSM8K", "GSM8k (5-shot)", "gsm8k + main");
        alias("humaneval", "HumanEval", "openai_humaneval");
        alias("ifeval", "IFEval", "leaderboard_ifeval");
        alias("bbh", "BBH", "leaderboard_bbh");
        alias("math_lvl5", "MATH Lvl 5", "MATH Level 5", "leaderboard_math_hard");
        alias("gpqa", "GPQA", "leaderboard_gpqa");
        alias("musr", "MUSR", "MuSR", "leaderboard_musr");
        alias("mmlu_pro", "MMLU-PRO", "MMLU-Pro", "leaderboard_mmlu_pro");
    }

    private BenchmarkIds() {}

    private static void alias(String id, String... names) {
        for (String n : names) {
            ALIASES.put(n, id);
            ALIASES.put(n.toLowerCase(Locale.ROOT), id);
        }
    }

    /**
     * The canonical id of a benchmark name or leaderboard column.
     *
     * @throws IllegalArgumentException when nothing of the name is left (e.g. {@code "///"})
     */
    public static String normalise(String name) {
        String alias = ALIASES.get(name.strip());
        if (alias == null) {
            alias = ALIASES.get(name.strip().toLowerCase(Locale.ROOT));
        }
        if (alias != null) {
            return alias;
        }
        String s = name.strip().toLowerCase(Locale.ROOT);
        int slash = s.lastIndexOf('/');
        if (slash >= 0) {
            s = s.substring(slash + 1);
        }
        s = OUTSIDE.matcher(s).replaceAll("_");
        if (s.isEmpty() || s.equals("_")) {
            throw new IllegalArgumentException("benchmark name \"" + name + "\" has no usable characters");
        }
        return s;
    }

    /**
     * The canonical id of a dataset name with its configuration, for sources that name the two
     * apart (SCHEMA.md's "ai2_arc + ARC-Challenge"): the alias of {@code "name + config"} when
     * there is one, else the alias or normal form of the name alone.
     */
    public static String normalise(String name, String config) {
        String combined = ALIASES.get(name + " + " + config);
        return combined != null ? combined : normalise(name);
    }
}
