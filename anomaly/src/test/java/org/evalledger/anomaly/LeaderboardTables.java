package org.evalledger.anomaly;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.evalledger.testkit.Csv;
import org.evalledger.testkit.SharedData;

/**
 * The leaderboard tables of {@code ../shared/corpus/leaderboards/} (see its ORIGIN.md) as rows of
 * scores, for the quality tests and the quality report.
 */
final class LeaderboardTables {
    private LeaderboardTables() {}

    /** A v1 row: its scores, the inverted {@code flagged} column read right, and the average. */
    record V1Row(ModelScores scores, boolean communityFlagged, double average) {}

    /** One entry of the derived flags file. */
    record Flag(String model, String category, boolean inV1, String evidence) {
        private static final Pattern CONTAMINATION = Pattern.compile("(?i)contaminat|trained.on");

        /** Whether the flag's category or evidence names contamination (ANOMALY.md's contamination-only subset). */
        boolean contamination() {
            return category.equals("other_contamination_mostly") || CONTAMINATION.matcher(evidence).find();
        }
    }

    static final Map<String, String> V1_COLUMNS = Map.of("arc", "arc_challenge", "hellaswag", "hellaswag", "mmlu", "mmlu",
            "truthfulqa", "truthfulqa_mc2", "winogrande", "winogrande", "gsm8k", "gsm8k");
    static final Map<String, String> V2_COLUMNS = Map.of("evaluations_ifeval_value", "ifeval", "evaluations_bbh_value", "bbh",
            "evaluations_math_value", "math_lvl5", "evaluations_gpqa_value", "gpqa", "evaluations_musr_value", "musr",
            "evaluations_mmlu_pro_value", "mmlu_pro");
    static final List<String> OBS_COLUMNS = List.of("MMLU", "ARC-C", "HellaSwag", "Winograd", "TruthfulQA", "GSM8K", "XWinograd",
            "HumanEval");

    private static Path file(String name) {
        return SharedData.path("corpus/leaderboards/" + name);
    }

    static List<V1Row> v1() {
        List<V1Row> out = new ArrayList<>();
        for (Map<String, String> r : Csv.read(file("open_llm_leaderboard_v1.csv"))) {
            ModelScores.Builder b = ModelScores.builder(r.get("fullname")).parameters(billions(r.get("params_b")));
            Transition.ofLeaderboardType(r.get("type")).ifPresent(b::transition);
            double sum = 0;
            for (Map.Entry<String, String> c : V1_COLUMNS.entrySet()) {
                double v = Double.parseDouble(r.get(c.getKey()));
                b.score(c.getValue(), Score.percent(v));
                sum += v;
            }
            out.add(new V1Row(b.build(), r.get("flagged").equals("FALSE"), sum / V1_COLUMNS.size()));
        }
        return out;
    }

    static Map<String, Flag> flags() {
        Map<String, Flag> out = new LinkedHashMap<>();
        for (Map<String, String> r : Csv.read(file("open_llm_leaderboard_v1_flags.csv"))) {
            String model = r.get("model").strip();
            out.putIfAbsent(model, new Flag(model, r.get("category"), r.get("in_v1_csv").equals("True"), r.get("evidence_note")));
        }
        return out;
    }

    static List<ModelScores> v2() {
        List<ModelScores> out = new ArrayList<>();
        for (Map<String, String> r : Csv.read(file("open_llm_leaderboard_v2.csv"))) {
            String id = r.get("model_name");
            ModelScores.Builder b = ModelScores.builder(id).parameters(billions(r.get("metadata_params_billions")));
            String parent = r.get("metadata_base_model");
            if (!parent.isBlank() && !parent.equals(id)) {
                b.parent(parent);
            }
            Transition.ofLeaderboardType(r.get("model_type")).ifPresent(b::transition);
            for (Map.Entry<String, String> c : V2_COLUMNS.entrySet()) {
                String v = r.get(c.getKey());
                if (!v.isBlank()) {
                    b.score(c.getValue(), Score.proportion(Double.parseDouble(v)));
                }
            }
            out.add(b.build());
        }
        return out;
    }

    /** The base-model matrix: model id → the 8 benchmarks in points, for models that have all 8. */
    static Map<String, double[]> obsScalingComplete() {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Map<String, String> r : Csv.read(file("obsscaling_base_llm_benchmark_eval.csv"))) {
            double[] v = new double[OBS_COLUMNS.size()];
            boolean complete = true;
            for (int j = 0; j < v.length; j++) {
                String cell = r.get(OBS_COLUMNS.get(j));
                if (cell == null || cell.isBlank()) {
                    complete = false;
                    break;
                }
                v[j] = 100 * Double.parseDouble(cell);
            }
            if (complete) {
                out.put(r.get("Model"), v);
            }
        }
        return out;
    }

    private static Long billions(String cell) {
        if (cell == null || cell.isBlank()) {
            return null;
        }
        double b = Double.parseDouble(cell);
        return b > 0 ? Math.round(b * 1e9) : null;
    }
}
