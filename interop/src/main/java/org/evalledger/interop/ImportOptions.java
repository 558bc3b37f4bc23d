package org.evalledger.interop;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.evalledger.core.Relationship;
import org.evalledger.core.SourceType;
import org.jspecify.annotations.Nullable;

/**
 * What the caller knows that the source may not say (SCHEMA.md "Importing"): the producer, the
 * model id for formats that do not name it, and the clock for timestamps the source lacks.
 * Absent values fall back to the source, then to the defaults (producer {@code unknown},
 * relationship {@code third_party}, the format's usual source type). Immutable and thread-safe.
 */
public final class ImportOptions {
    private final Clock clock;
    private final @Nullable String producer;
    private final @Nullable Relationship relationship;
    private final @Nullable SourceType sourceType;
    private final @Nullable String modelId;
    private final @Nullable String revision;

    private ImportOptions(Clock clock, @Nullable String producer, @Nullable Relationship relationship,
            @Nullable SourceType sourceType, @Nullable String modelId, @Nullable String revision) {
        this.clock = clock;
        this.producer = producer;
        this.relationship = relationship;
        this.sourceType = sourceType;
        this.modelId = modelId;
        this.revision = revision;
    }

    /** Defaults, with the system UTC clock. */
    public static ImportOptions defaults() {
        return new ImportOptions(Clock.systemUTC(), null, null, null, null, null);
    }

    /** A copy with this clock (the CLI's {@code --created-at}). */
    public ImportOptions withClock(Clock c) {
        return new ImportOptions(Objects.requireNonNull(c, "clock"), producer, relationship, sourceType, modelId, revision);
    }

    /** A copy with this producer name. */
    public ImportOptions withProducer(String name) {
        return new ImportOptions(clock, Objects.requireNonNull(name, "name"), relationship, sourceType, modelId, revision);
    }

    /** A copy with this producer relationship. */
    public ImportOptions withRelationship(Relationship r) {
        return new ImportOptions(clock, producer, Objects.requireNonNull(r, "relationship"), sourceType, modelId, revision);
    }

    /** A copy with this source type. */
    public ImportOptions withSourceType(SourceType t) {
        return new ImportOptions(clock, producer, relationship, Objects.requireNonNull(t, "sourceType"), modelId, revision);
    }

    /** A copy with this model id (required for formats that do not name the model). */
    public ImportOptions withModel(String id) {
        return new ImportOptions(clock, producer, relationship, sourceType, Objects.requireNonNull(id, "id"), revision);
    }

    /** A copy with this model revision. */
    public ImportOptions withRevision(String rev) {
        return new ImportOptions(clock, producer, relationship, sourceType, modelId, Objects.requireNonNull(rev, "revision"));
    }

    /** The clock for timestamps the source lacks. */
    public Clock clock() {
        return clock;
    }

    /** The producer name given by the caller. */
    public Optional<String> producer() {
        return Optional.ofNullable(producer);
    }

    /** The relationship given by the caller. */
    public Optional<Relationship> relationship() {
        return Optional.ofNullable(relationship);
    }

    /** The source type given by the caller. */
    public Optional<SourceType> sourceType() {
        return Optional.ofNullable(sourceType);
    }

    /** The model id given by the caller. */
    public Optional<String> modelId() {
        return Optional.ofNullable(modelId);
    }

    /** The model revision given by the caller. */
    public Optional<String> revision() {
        return Optional.ofNullable(revision);
    }
}
