package org.evalledger.core;

import org.jspecify.annotations.Nullable;

/**
 * The hardware and settings a run used ({@code environment}). Immutable and thread-safe.
 *
 * @param accelerator GPU or other accelerator
 * @param cpu CPU model
 * @param os operating system
 * @param precision numeric precision of the run
 * @param batchSize batch size, or auto
 */
public record Environment(
        @Nullable Accelerator accelerator,
        @Nullable String cpu,
        @Nullable String os,
        @Nullable String precision,
        @Nullable BatchSize batchSize) {

    /**
     * An accelerator ({@code environment.accelerator}).
     *
     * @param model e.g. {@code NVIDIA A100-SXM4-80GB}
     * @param count how many, {@code >= 1}
     * @param memoryGiB memory of one device in GiB, {@code >= 0}
     */
    public record Accelerator(String model, @Nullable Integer count, @Nullable Double memoryGiB) {
        /** @throws IllegalArgumentException or NullPointerException naming the field that is wrong */
        public Accelerator {
            Checks.nonEmpty(model, "environment.accelerator.model");
            Checks.atLeastOrNull(count, 1, "environment.accelerator.count");
            if (memoryGiB != null) {
                Checks.nonNegative(memoryGiB, "environment.accelerator.memoryGiB");
            }
        }
    }
}
