/**
 * Importing other tools' results as evaluation records (SCHEMA.md "Importing" and "Mapping from
 * the anchors"). {@link org.evalledger.interop.Importers} detects a document's
 * {@link org.evalledger.interop.Format} and imports it; every importer is deterministic (the same
 * bytes and options give identical records) and puts whatever it cannot map under
 * {@code extensions}, listed in the {@link org.evalledger.interop.ImportResult}'s warnings.
 */
@NullMarked
package org.evalledger.interop;

import org.jspecify.annotations.NullMarked;
