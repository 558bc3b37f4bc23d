package org.evalledger.core;

import org.jspecify.annotations.Nullable;

/**
 * The model evaluated ({@code model}). Absent optional fields are {@code null}.
 * Immutable and thread-safe; build one with {@link #builder(String)}.
 *
 * @param id hub id {@code org/name} or API id {@code provider/model}
 * @param revision git commit (40 hex) or provider snapshot tag
 * @param displayName human-readable name
 * @param developer who built the model
 * @param parameters total parameter count, {@code >= 0}
 * @param dtype weight type, e.g. {@code bfloat16}
 * @param architecture e.g. {@code LlamaForCausalLM}
 * @param baseModel hub id of the parent model
 * @param derivation how the model derives from its parent
 * @param availability whether the weights are published
 * @param inference how the model was served
 */
public record Model(
        String id,
        @Nullable String revision,
        @Nullable String displayName,
        @Nullable String developer,
        @Nullable Long parameters,
        @Nullable String dtype,
        @Nullable String architecture,
        @Nullable String baseModel,
        @Nullable Derivation derivation,
        @Nullable Availability availability,
        @Nullable Inference inference) {

    /** @throws IllegalArgumentException or NullPointerException naming the field that is wrong */
    public Model {
        Checks.nonEmpty(id, "model.id");
        Checks.nonEmptyOrNull(revision, "model.revision");
        Checks.atLeastOrNull(parameters, 0, "model.parameters");
        Checks.nonEmptyOrNull(dtype, "model.dtype");
        Checks.nonEmptyOrNull(baseModel, "model.baseModel");
    }

    /** A model with an id only. */
    public static Model of(String id) {
        return builder(id).build();
    }

    /** A builder for a model with this id. */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** A builder holding this model's values. */
    public Builder toBuilder() {
        return new Builder(id).revision(revision).displayName(displayName).developer(developer)
                .parameters(parameters).dtype(dtype).architecture(architecture).baseModel(baseModel)
                .derivation(derivation).availability(availability).inference(inference);
    }

    /**
     * How the model was served ({@code model.inference}).
     *
     * @param engine the inference engine
     * @param platform e.g. a cloud API name
     */
    public record Inference(@Nullable Engine engine, @Nullable String platform) {}

    /**
     * An inference engine ({@code model.inference.engine}).
     *
     * @param name e.g. {@code vllm}
     * @param version the engine version
     */
    public record Engine(String name, @Nullable String version) {
        /** @throws IllegalArgumentException when the name is empty */
        public Engine {
            Checks.nonEmpty(name, "model.inference.engine.name");
        }
    }

    /** Builds a {@link Model}; not thread-safe. */
    public static final class Builder {
        private String id;
        private @Nullable String revision;
        private @Nullable String displayName;
        private @Nullable String developer;
        private @Nullable Long parameters;
        private @Nullable String dtype;
        private @Nullable String architecture;
        private @Nullable String baseModel;
        private @Nullable Derivation derivation;
        private @Nullable Availability availability;
        private @Nullable Inference inference;

        private Builder(String id) {
            this.id = id;
        }

        /** Sets {@code id}. @param v the value @return this builder */
        public Builder id(String v) { this.id = v; return this; }
        /** Sets {@code revision}. @param v the value or null @return this builder */
        public Builder revision(@Nullable String v) { this.revision = v; return this; }
        /** Sets {@code displayName}. @param v the value or null @return this builder */
        public Builder displayName(@Nullable String v) { this.displayName = v; return this; }
        /** Sets {@code developer}. @param v the value or null @return this builder */
        public Builder developer(@Nullable String v) { this.developer = v; return this; }
        /** Sets {@code parameters}. @param v the value or null @return this builder */
        public Builder parameters(@Nullable Long v) { this.parameters = v; return this; }
        /** Sets {@code dtype}. @param v the value or null @return this builder */
        public Builder dtype(@Nullable String v) { this.dtype = v; return this; }
        /** Sets {@code architecture}. @param v the value or null @return this builder */
        public Builder architecture(@Nullable String v) { this.architecture = v; return this; }
        /** Sets {@code baseModel}. @param v the value or null @return this builder */
        public Builder baseModel(@Nullable String v) { this.baseModel = v; return this; }
        /** Sets {@code derivation}. @param v the value or null @return this builder */
        public Builder derivation(@Nullable Derivation v) { this.derivation = v; return this; }
        /** Sets {@code availability}. @param v the value or null @return this builder */
        public Builder availability(@Nullable Availability v) { this.availability = v; return this; }
        /** Sets {@code inference}. @param v the value or null @return this builder */
        public Builder inference(@Nullable Inference v) { this.inference = v; return this; }

        /** @return the model @throws IllegalArgumentException naming the first field that is wrong */
        public Model build() {
            return new Model(id, revision, displayName, developer, parameters, dtype, architecture,
                    baseModel, derivation, availability, inference);
        }
    }
}
