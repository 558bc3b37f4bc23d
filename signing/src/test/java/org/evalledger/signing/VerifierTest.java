package org.evalledger.signing;

import static org.evalledger.signing.Fixtures.CHECKER;
import static org.evalledger.signing.Fixtures.CHECKER_TWO;
import static org.evalledger.signing.Fixtures.HUB;
import static org.evalledger.signing.Fixtures.LAB;
import static org.evalledger.signing.Fixtures.LAB_SECOND;
import static org.evalledger.signing.Fixtures.NOW;
import static org.evalledger.signing.Fixtures.STRANGER;
import static org.evalledger.signing.Fixtures.b64;
import static org.evalledger.signing.Fixtures.policy;
import static org.evalledger.signing.Fixtures.record;
import static org.evalledger.signing.Fixtures.utf8;
import static org.evalledger.signing.Fixtures.verify;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.schema.RecordCodec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class VerifierTest {
    private static final Signer LAB_SIGNER = Signer.of(LAB);
    private static final TrustPolicy POLICY = policy().build();

    private static Envelope signed() {
        return LAB_SIGNER.sign(record());
    }

    private static Verification verifyBytes(byte[] json) {
        return Verifier.of(POLICY).verify(json, NOW);
    }

    private static void assertInvalid(Reason reason, Verification v) {
        assertEquals(Status.INVALID, v.status(), v.toString());
        assertEquals(reason, v.reason().orElseThrow(), v.toString());
        assertThrows(IllegalStateException.class, v::record);
        assertTrue(v.unverifiedRecord().isEmpty());
    }

    private static String envelopeJson(String payloadType, String payload, String sigs) {
        return "{\"payloadType\":\"" + payloadType + "\",\"payload\":\"" + payload + "\",\"signatures\":" + sigs + "}";
    }

    /** SIGNING.md "A verifier must reject", item by item. */
    @Nested
    class MustReject {
        @Test
        void anEnvelopeOverTheSizeCap() {
            byte[] json = signed().toJson();
            assertInvalid(Reason.TOO_LARGE, Verifier.of(POLICY).withMaxBytes(json.length - 1).verify(json, NOW));
        }

        @Test
        void invalidJson() {
            assertInvalid(Reason.MALFORMED_JSON, verifyBytes(utf8("{\"payloadType\":")));
            assertInvalid(Reason.MALFORMED_JSON, verifyBytes(new byte[] {(byte) 0xff, '{', '}'}));
        }

        @Test
        void duplicateMemberNames() {
            String json = new String(signed().toJson(), StandardCharsets.UTF_8);
            assertInvalid(Reason.DUPLICATE_MEMBER, verifyBytes(utf8(json.replace("{\"payload\":",
                    "{\"payloadType\":\"x\",\"payload\":"))));
        }

        @Test
        void unknownTopLevelMembers() {
            String json = new String(signed().toJson(), StandardCharsets.UTF_8);
            assertInvalid(Reason.UNKNOWN_MEMBER, verifyBytes(utf8(json.replace("{\"payload\":", "{\"extra\":1,\"payload\":"))));
        }

        @Test
        void missingPayloadPayloadTypeOrSignatures() {
            assertInvalid(Reason.MISSING_FIELD, verifyBytes(utf8("{\"payloadType\":\"a\",\"signatures\":[{\"sig\":\"AA\"}]}")));
            assertInvalid(Reason.MISSING_FIELD, verifyBytes(utf8("{\"payload\":\"\",\"signatures\":[{\"sig\":\"AA\"}]}")));
            assertInvalid(Reason.MISSING_FIELD, verifyBytes(utf8("{\"payloadType\":\"a\",\"payload\":\"\"}")));
        }

        @Test
        void emptySignatures() {
            assertInvalid(Reason.NO_SIGNATURES, verifyBytes(utf8(envelopeJson(Envelope.IN_TOTO_PAYLOAD_TYPE, "", "[]"))));
        }

        @Test
        void moreThanSixteenSignatures() {
            String sigs = "[" + String.join(",", java.util.Collections.nCopies(17, "{\"sig\":\"" + b64(new byte[64]) + "\"}")) + "]";
            assertInvalid(Reason.TOO_MANY_SIGNATURES, verifyBytes(utf8(envelopeJson(Envelope.IN_TOTO_PAYLOAD_TYPE, "", sigs))));
        }

        @Test
        void aSignatureEntryWithoutSig() {
            assertInvalid(Reason.MISSING_FIELD,
                    verifyBytes(utf8(envelopeJson(Envelope.IN_TOTO_PAYLOAD_TYPE, "", "[{\"keyid\":\"ab\"}]"))));
        }

        @Test
        void base64ThatIsNotCanonicalStandardOrUrlSafe() {
            Envelope e = signed();
            String payload = b64(e.payload());
            String sig = b64(e.signatures().get(0).sig());
            String good = "[{\"keyid\":\"" + LAB.publicKey().keyId() + "\",\"sig\":\"" + sig + "\"}]";
            assertEquals(Status.SELF_REPORTED, verifyBytes(utf8(envelopeJson(Envelope.IN_TOTO_PAYLOAD_TYPE, payload, good))).status());
            // whitespace, other characters, mixed alphabets, bad padding, non-zero unused bits
            for (String bad : List.of(payload.substring(0, 8) + " " + payload.substring(8), payload.substring(0, 8) + "\\n"
                    + payload.substring(8), "*" + payload.substring(1), "ab-+", "abc==", "QQ=A", "QR==", "QR")) {
                assertInvalid(Reason.BAD_BASE64, verifyBytes(utf8(envelopeJson(Envelope.IN_TOTO_PAYLOAD_TYPE, bad, good))));
            }
        }

        @Test
        void urlSafeAndUnpaddedBase64AreAccepted() {
            Envelope e = signed();
            String payload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(e.payload());
            String sig = java.util.Base64.getUrlEncoder().encodeToString(e.signatures().get(0).sig());
            String sigs = "[{\"keyid\":\"" + LAB.publicKey().keyId() + "\",\"sig\":\"" + sig + "\"}]";
            assertEquals(Status.SELF_REPORTED, verifyBytes(utf8(envelopeJson(Envelope.IN_TOTO_PAYLOAD_TYPE, payload, sigs))).status());
        }

        @Test
        void aPayloadTypeThatIsNotByteEqual() {
            Envelope e = signed();
            for (String type : List.of("application/vnd.in-toto+JSON", "application/vnd.in-toto+json ", "application/json")) {
                assertInvalid(Reason.PAYLOAD_TYPE, verify(POLICY, Fixtures.envelope(type, e.payload(), LAB)));
            }
        }

        @Test
        void aSignatureNamingATrustedKeyThatDoesNotVerify() {
            Envelope e = signed();
            byte[] tampered = e.payload();
            tampered[tampered.length / 2] ^= 0x01; // a bit of the decoded payload
            assertInvalid(Reason.BAD_SIGNATURE, verify(POLICY, new Envelope(e.payloadType(), tampered, e.signatures())));
        }

        @Test
        void aSignatureThatIsNot64Bytes() {
            Envelope e = signed();
            byte[] sig = e.signatures().get(0).sig();
            for (byte[] wrong : List.of(Arrays.copyOf(sig, 65), Arrays.copyOf(sig, 63), new byte[0])) {
                assertInvalid(Reason.SIGNATURE_LENGTH, verify(POLICY, new Envelope(e.payloadType(), e.payload(),
                        List.of(new Envelope.Signature(LAB.publicKey().keyId(), wrong)))));
            }
        }

        @Test
        void anEd25519SignatureWithSAtLeastL() {
            Envelope e = signed();
            byte[] sig = e.signatures().get(0).sig();
            // S + L: the classic malleated signature, which a lax verifier accepts
            java.math.BigInteger l = java.math.BigInteger.ONE.shiftLeft(252).add(new java.math.BigInteger("27742317777372353535851937790883648493"));
            byte[] s = Arrays.copyOfRange(sig, 32, 64);
            reverse(s);
            byte[] sPlusL = new java.math.BigInteger(1, s).add(l).toByteArray();
            byte[] le = new byte[32];
            for (int i = 0; i < 32 && i < sPlusL.length; i++) {
                le[i] = sPlusL[sPlusL.length - 1 - i];
            }
            System.arraycopy(le, 0, sig, 32, 32);
            assertInvalid(Reason.NON_CANONICAL_SIGNATURE, verify(POLICY, new Envelope(e.payloadType(), e.payload(),
                    List.of(new Envelope.Signature(LAB.publicKey().keyId(), sig)))));
        }

        @Test
        void anEcdsaSignatureWithROrSOutOfRange() {
            Envelope e = Signer.of(CHECKER).sign(record());
            byte[] zeroR = e.signatures().get(0).sig();
            Arrays.fill(zeroR, 0, 32, (byte) 0);
            byte[] hugeS = e.signatures().get(0).sig();
            Arrays.fill(hugeS, 32, 64, (byte) 0xff);
            for (byte[] sig : List.of(zeroR, hugeS)) {
                assertInvalid(Reason.NON_CANONICAL_SIGNATURE, verify(POLICY, new Envelope(e.payloadType(), e.payload(),
                        List.of(new Envelope.Signature(CHECKER.publicKey().keyId(), sig)))));
            }
        }

        @Test
        void noFallbackSigningInputs() {
            // a non-ASCII payload, so that counting UTF-16 chars differs from counting bytes
            EvaluationRecord r = record().toBuilder().producer(org.evalledger.core.Producer.of("Universit\u00e9 \u00e9\u00e8\u20ac",
                    org.evalledger.core.Relationship.THIRD_PARTY, org.evalledger.core.SourceType.EVALUATION_RUN)).build();
            Envelope e = LAB_SIGNER.sign(r);
            byte[] payload = e.payload();
            String text = new String(payload, StandardCharsets.UTF_8);
            assertTrue(text.length() < payload.length);
            // a signature over the raw payload, and over a PAE that counts UTF-16 chars
            byte[] raw = LAB.sign(payload);
            byte[] charPae = utf8("DSSEv1 " + Envelope.IN_TOTO_PAYLOAD_TYPE.length() + " " + Envelope.IN_TOTO_PAYLOAD_TYPE
                    + " " + text.length() + " " + text);
            for (byte[] sig : List.of(raw, LAB.sign(charPae))) {
                assertInvalid(Reason.BAD_SIGNATURE, verify(POLICY, new Envelope(e.payloadType(), payload,
                        List.of(new Envelope.Signature(LAB.publicKey().keyId(), sig)))));
            }
        }

        @Test
        void aPayloadThatIsNotStrictJson() {
            assertInvalid(Reason.PAYLOAD_JSON, verify(POLICY, Fixtures.envelope(Envelope.IN_TOTO_PAYLOAD_TYPE,
                    utf8("{\"_type\":1,\"_type\":2}"), LAB)));
        }

        @Test
        void aPayloadNotInJcsFormInStrictModeButOnlyWarnsInLenientMode() {
            byte[] jcs = signed().payload();
            byte[] spaced = utf8(new String(jcs, StandardCharsets.UTF_8).replaceFirst(",", ", "));
            Envelope e = Fixtures.envelope(Envelope.IN_TOTO_PAYLOAD_TYPE, spaced, LAB);
            assertInvalid(Reason.PAYLOAD_NOT_CANONICAL, verify(POLICY, e));
            Verification lenient = Verifier.of(POLICY).lenient().verify(e.toJson(), NOW);
            assertEquals(Status.SELF_REPORTED, lenient.status());
            assertTrue(lenient.warnings().get(0).startsWith("EL-SIG-PAYLOAD-NOT-CANONICAL"), lenient.warnings().toString());
        }

        @Test
        void aPayloadNotInJcsFormIsReportedAsThatBeforeAnyLaterRuleInStrictMode() {
            String jcs = new String(signed().payload(), StandardCharsets.UTF_8);
            java.util.Map<String, Reason> later = new java.util.LinkedHashMap<>();
            later.put(jcs.replace("in-toto.io/Statement/v1", "in-toto.io/Statement/v0.1"), Reason.STATEMENT_TYPE);
            later.put(jcs.replace("\"recordId\":\"", "\"recordId\":\" "), Reason.RECORD_INVALID);
            later.put(jcs.replaceFirst("\"sha256\":\"[0-9a-f]", "\"sha256\":\"x"), Reason.SUBJECT_MISMATCH);
            later.put(jcs, null); // a valid upload
            for (java.util.Map.Entry<String, Reason> c : later.entrySet()) {
                // the same Statement with a space after its first comma, and with its members in another order
                String spaced = c.getKey().replaceFirst(",", ", ");
                int predicate = c.getKey().indexOf(",\"predicate\":");
                String reordered = "{" + c.getKey().substring(predicate + 1, c.getKey().length() - 1) + ","
                        + c.getKey().substring(1, predicate) + "}";
                for (String payload : List.of(spaced, reordered)) {
                    Envelope e = Fixtures.envelope(Envelope.IN_TOTO_PAYLOAD_TYPE, utf8(payload), LAB);
                    assertInvalid(Reason.PAYLOAD_NOT_CANONICAL, verify(POLICY, e));
                    Verification lenient = Verifier.of(POLICY).lenient().verify(e.toJson(), NOW);
                    if (c.getValue() == null) {
                        assertEquals(Status.SELF_REPORTED, lenient.status(), payload);
                    } else {
                        assertInvalid(c.getValue(), lenient);
                    }
                }
                if (c.getValue() != null) {
                    assertInvalid(c.getValue(), verify(POLICY, Fixtures.envelope(Envelope.IN_TOTO_PAYLOAD_TYPE, utf8(c.getKey()), LAB)));
                }
            }
        }

        @Test
        void aWrongStatementTypeOrPredicateTypeOrShape() {
            String statement = new String(signed().payload(), StandardCharsets.UTF_8);
            assertInvalid(Reason.STATEMENT_TYPE, verifyStatement(statement.replace("in-toto.io/Statement/v1", "in-toto.io/Statement/v0.1")));
            assertInvalid(Reason.PREDICATE_TYPE, verifyStatement(statement.replace("\"predicateType\":\"https://evalledger.org/schemas/record/v1\"",
                    "\"predicateType\":\"https://evalledger.org/schemas/record/v2\"")));
            assertInvalid(Reason.STATEMENT_SHAPE, verifyStatement("[1]"));
            assertInvalid(Reason.STATEMENT_SHAPE, verifyStatement(statement.replace("{\"_type\"", "{\"_extra\":1,\"_type\"")));
        }

        @Test
        void subjectsThatDoNotMatchTheRecord() {
            String statement = new String(signed().payload(), StandardCharsets.UTF_8);
            String digest = RecordCodec.standard().digest(record()).substring(7);
            assertInvalid(Reason.SUBJECT_MISMATCH, verifyStatement(statement.replace(digest, "0".repeat(64))));
            assertInvalid(Reason.SUBJECT_MISMATCH, verifyStatement(statement.replace("\"gitCommit\":\"0123", "\"gitCommit\":\"1123")));
        }

        @Test
        void subjectsMatchAsASetInAnyOrderButNotWithADuplicateOrADigestWrittenAsANumber() {
            String statement = new String(signed().payload(), StandardCharsets.UTF_8);
            int open = statement.indexOf("\"subject\":[") + "\"subject\":[".length();
            int close = statement.lastIndexOf("]}");
            String[] subjects = statement.substring(open, close).split("(?<=\\}),(?=\\{)");
            assertEquals(2, subjects.length, "the model commit and the record: " + statement.substring(open, close));
            String head = statement.substring(0, open);
            String tail = statement.substring(close);
            assertEquals(Status.SELF_REPORTED, verifyStatement(head + subjects[1] + "," + subjects[0] + tail).status());
            assertInvalid(Reason.SUBJECT_MISMATCH, verifyStatement(head + subjects[1] + "," + subjects[1] + tail));
            assertInvalid(Reason.SUBJECT_MISMATCH, verifyStatement(head + subjects[0] + "," + subjects[0] + tail));
            assertInvalid(Reason.SUBJECT_MISMATCH, verifyStatement(head + subjects[0] + tail));
            String numeric = subjects[0].replaceFirst(":\"([0-9])[0-9a-f]*\"", ":$1");
            assertInvalid(Reason.SUBJECT_MISMATCH, verifyStatement(head + numeric + "," + subjects[1] + tail));
        }

        @Test
        void manySubjectsMatchAsASetToo() {
            EvaluationRecord base = record();
            org.evalledger.core.Result first = base.results().get(0);
            List<org.evalledger.core.Artifact> artifacts = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                artifacts.add(new org.evalledger.core.Artifact(org.evalledger.core.ArtifactKind.SAMPLES, "https://example.org/samples-" + i
                        + ".jsonl", String.format("%064x", i + 1), null));
            }
            EvaluationRecord many = base.toBuilder().results(List.of(new org.evalledger.core.Result(first.task(), first.metrics(), artifacts)))
                    .build();
            Envelope e = LAB_SIGNER.sign(many);
            assertEquals(Status.SELF_REPORTED, verify(POLICY, e).status(), "14 subjects: the model commit, 12 artifacts, the record");
            String statement = new String(e.payload(), StandardCharsets.UTF_8);
            // one artifact's subject named twice, another left out: the same count, not the same set
            int subjects = statement.indexOf("\"subject\":[");
            String twice = statement.substring(0, subjects)
                    + statement.substring(subjects).replace(String.format("%064x", 2), String.format("%064x", 1));
            assertInvalid(Reason.SUBJECT_MISMATCH, verifyStatement(twice));
            // the subjects in another order: still the record's
            String tail = statement.substring(subjects + "\"subject\":[".length(), statement.lastIndexOf("]}"));
            List<String> items = new java.util.ArrayList<>(List.of(tail.split("(?<=\\}),(?=\\{)")));
            assertEquals(14, items.size());
            java.util.Collections.reverse(items);
            String reordered = statement.substring(0, subjects) + "\"subject\":[" + String.join(",", items) + "]}";
            assertEquals(Status.SELF_REPORTED, verifyStatement(reordered).status());
        }

        @Test
        void aPredicateThatIsNotAValidRecord() {
            String statement = new String(signed().payload(), StandardCharsets.UTF_8);
            assertInvalid(Reason.RECORD_INVALID, verifyStatement(statement.replace("\"value\":0.4376", "\"value\":43.76")));
            assertInvalid(Reason.RECORD_INVALID, verifyStatement(statement.replace("\"recordId\"", "\"recordID\"")));
        }

        @Test
        void theValidationReportComesWithTheVerificationOnceThePayloadWasReadAsARecord() {
            String statement = new String(signed().payload(), StandardCharsets.UTF_8);
            Verification invalidRecord = verifyStatement(statement.replace("\"value\":0.4376", "\"value\":43.76"));
            org.junit.jupiter.api.Assertions.assertFalse(invalidRecord.validation().orElseThrow().valid());
            org.junit.jupiter.api.Assertions.assertFalse(invalidRecord.validation().orElseThrow().errors().isEmpty());
            Verification good = verify(POLICY, signed());
            org.junit.jupiter.api.Assertions.assertTrue(good.validation().orElseThrow().valid());
            assertEquals(good.digest(), good.validation().orElseThrow().digest());
            org.junit.jupiter.api.Assertions.assertTrue(verifyStatement("[1]").validation().isEmpty(),
                    "no record was read from a payload that is not a Statement");
        }

        @Test
        void untrustworthyKeysAtImport() {
            // a small-order Ed25519 point (the identity, y = 1) and a P-256 point off the curve
            byte[] smallOrder = java.util.HexFormat.of().parseHex("302a300506032b6570032100"
                    + "0100000000000000000000000000000000000000000000000000000000000000");
            assertEquals(KeyException.WEAK, assertThrows(KeyException.class, () -> VerificationKey.fromSpki(smallOrder)).code());
            byte[] offCurve = CHECKER.publicKey().spki();
            offCurve[offCurve.length - 1] ^= 0x01;
            assertEquals(KeyException.WEAK, assertThrows(KeyException.class, () -> VerificationKey.fromSpki(offCurve)).code());
        }

        private Verification verifyStatement(String statement) {
            return verify(POLICY, Fixtures.envelope(Envelope.IN_TOTO_PAYLOAD_TYPE, utf8(statement), LAB));
        }
    }

    /** SIGNING.md's decision order, rule by rule. */
    @Nested
    class DecisionOrder {
        @Test
        void aTrustedProducerAloneIsSelfReported() {
            Verification v = verify(POLICY, signed());
            assertEquals(Status.SELF_REPORTED, v.status());
            assertEquals(record(), v.record());
            assertEquals(RecordCodec.standard().digest(record()), v.digest().orElseThrow());
            assertEquals(List.of(new SignatureOutcome(LAB.publicKey().keyId(), "EleutherAI", Role.PRODUCER, true, Reason.COUNTED)),
                    v.signatures());
        }

        @Test
        void aProducerAndAnIndependentVerifierAreVerified() {
            Verification v = verify(POLICY, Signer.of(CHECKER).countersign(signed()));
            assertEquals(Status.VERIFIED, v.status(), v.toString());
            assertEquals(List.of(true, true), v.signatures().stream().map(SignatureOutcome::counted).toList());
        }

        @Test
        void onlyAVerifiersSignatureIsUntrusted() {
            Verification v = verify(POLICY, Signer.of(CHECKER).sign(record()));
            assertEquals(Status.UNTRUSTED, v.status());
            assertEquals(Reason.NO_PRODUCER, v.signatures().get(0).reason());
            assertThrows(IllegalStateException.class, v::record);
            assertEquals(record(), v.unverifiedRecord().orElseThrow());
        }

        @Test
        void anUnknownSignerIsUntrustedNotForged() {
            Verification v = verify(POLICY, Signer.of(STRANGER).sign(record()));
            assertEquals(Status.UNTRUSTED, v.status());
            assertEquals(Reason.UNKNOWN_KEY, v.signatures().get(0).reason());
        }

        @Test
        void aTamperedEnvelopeWithoutKeyIdsIsUntrusted() {
            Envelope e = signed();
            byte[] sig = e.signatures().get(0).sig();
            sig[0] ^= 1;
            Verification v = verify(POLICY, new Envelope(e.payloadType(), e.payload(), List.of(new Envelope.Signature(null, sig))));
            assertEquals(Status.UNTRUSTED, v.status());
        }

        @Test
        void aGarbageSignatureClaimingATrustedKeyIdIsInvalidEvenBesideValidOnes() {
            Envelope e = Signer.of(CHECKER).countersign(signed());
            Envelope forged = e.withSignature(new Envelope.Signature(CHECKER_TWO.publicKey().keyId(), new byte[64]));
            assertInvalid(Reason.BAD_SIGNATURE, verify(POLICY, forged));
        }

        @Test
        void aRevokedKeyBesideAValidProducerIsRevoked() {
            TrustPolicy p = policy().add(new TrustedKey(CHECKER.publicKey(), "Independent Checks Ltd", Set.of(Role.VERIFIER),
                    null, null, NOW.minus(Duration.ofDays(1)), List.of())).build();
            Verification v = verify(p, Signer.of(CHECKER).countersign(signed()));
            assertEquals(Status.REVOKED, v.status());
            assertEquals(Reason.KEY_REVOKED, v.reason().orElseThrow());
            assertThrows(IllegalStateException.class, v::record);
        }

        @Test
        void revocationIsJudgedAtTheVerificationTimeNotTheRecordsCreatedAt() {
            TrustPolicy p = policy().add(new TrustedKey(LAB.publicKey(), "EleutherAI", Set.of(Role.PRODUCER), null, null,
                    NOW.plus(Duration.ofDays(1)), List.of())).build();
            Envelope e = signed();
            assertEquals(Status.SELF_REPORTED, Verifier.of(p).verify(e.toJson(), NOW).status());
            assertEquals(Status.REVOKED, Verifier.of(p).verify(e.toJson(), NOW.plus(Duration.ofDays(1))).status());
        }

        @Test
        void validityWindowsAreCheckedAtTheVerificationTime() {
            TrustPolicy p = policy().add(new TrustedKey(LAB.publicKey(), "EleutherAI", Set.of(Role.PRODUCER),
                    NOW.minus(Duration.ofDays(10)), NOW, null, List.of())).build();
            byte[] json = signed().toJson();
            assertEquals(Status.SELF_REPORTED, Verifier.of(p).verify(json, NOW).status()); // notAfter is inclusive
            Verification late = Verifier.of(p).verify(json, NOW.plusSeconds(1));
            assertEquals(Status.UNTRUSTED, late.status());
            assertEquals(Reason.OUTSIDE_WINDOW, late.signatures().get(0).reason());
            assertEquals(Status.UNTRUSTED, Verifier.of(p).verify(json, NOW.minus(Duration.ofDays(11))).status());
            assertEquals(Status.SELF_REPORTED, Verifier.of(p).withClock(java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC))
                    .verify(json).status());
        }

        @Test
        void scopeGlobsMatchWithinAndAcrossPathSegments() {
            assertEquals(Status.SELF_REPORTED, statusWithScope("EleutherAI/*", "EleutherAI/pythia-160m"));
            assertEquals(Status.UNTRUSTED, statusWithScope("EleutherAI/*", "EleutherAI/pythia/160m"));
            assertEquals(Status.SELF_REPORTED, statusWithScope("EleutherAI/**", "EleutherAI/pythia/160m"));
            assertEquals(Status.UNTRUSTED, statusWithScope("Eleuther*", "EleutherAI/pythia-160m"));
            assertEquals(Status.SELF_REPORTED, statusWithScope("**", "any/thing/at/all"));
            assertEquals(Status.UNTRUSTED, statusWithScope("EleutherAI/pythia-1?0m", "EleutherAI/pythia-160m")); // ? is literal
            assertEquals(Status.SELF_REPORTED, statusWithScope("*/pythia-*", "EleutherAI/pythia-160m"));
        }

        private Status statusWithScope(String glob, String modelId) {
            TrustPolicy p = policy().add(new TrustedKey(LAB.publicKey(), "EleutherAI", Set.of(Role.PRODUCER), null, null, null,
                    List.of(glob))).build();
            Verification v = verify(p, LAB_SIGNER.sign(record(modelId)));
            if (v.status() == Status.UNTRUSTED) {
                assertEquals(Reason.OUT_OF_SCOPE, v.signatures().get(0).reason());
            }
            return v.status();
        }

        @Test
        void theThresholdCountsDistinctIndependentVerifierKeys() {
            TrustPolicy two = policy().threshold(2).build();
            Envelope one = Signer.of(CHECKER).countersign(signed());
            assertEquals(Status.SELF_REPORTED, verify(two, one).status());
            // the same key twice counts once
            Envelope twice = one.withSignature(new Envelope.Signature(CHECKER.publicKey().keyId(), CHECKER.sign(one.pae())));
            Verification v = verify(two, twice);
            assertEquals(Status.SELF_REPORTED, v.status());
            assertEquals(Reason.DUPLICATE_KEY, v.signatures().get(2).reason());
            assertEquals(Status.VERIFIED, verify(two, Signer.of(CHECKER_TWO).countersign(one)).status());
        }

        @Test
        void aVerifierOwnedByTheProducerDoesNotCount() {
            TrustPolicy p = policy().add(TrustedKey.of(LAB_SECOND.publicKey(), "EleutherAI", Role.VERIFIER)).build();
            Verification v = verify(p, Signer.of(LAB_SECOND).countersign(signed()));
            assertEquals(Status.SELF_REPORTED, v.status());
            assertEquals(Reason.SAME_OWNER, v.signatures().get(1).reason());
        }

        @Test
        void theProducersKeyNeverCountsAsItsOwnVerifier() {
            TrustPolicy p = policy().add(TrustedKey.of(LAB.publicKey(), "EleutherAI", Role.PRODUCER, Role.VERIFIER)).build();
            Envelope e = signed();
            Envelope twice = e.withSignature(new Envelope.Signature(null, LAB.sign(e.pae())));
            assertEquals(Status.SELF_REPORTED, verify(p, twice).status());
        }

        @Test
        void hubKeysNeverCount() {
            Verification v = verify(POLICY, Signer.of(HUB).countersign(signed()));
            assertEquals(Status.SELF_REPORTED, v.status());
            assertEquals(Reason.HUB_KEY, v.signatures().get(1).reason());
            assertEquals(Status.UNTRUSTED, verify(POLICY, Signer.of(HUB).sign(record())).status());
        }

        @Test
        void addingAValidCountersignatureNeverInvalidatesTheOthers() {
            Envelope e = Signer.of(STRANGER).countersign(Signer.of(CHECKER).countersign(signed()));
            assertEquals(Status.VERIFIED, verify(POLICY, e).status());
            assertTrue(Arrays.equals(signed().payload(), e.payload()));
        }
    }

    @Test
    void neverThrowsForArbitraryBytes() {
        java.util.Random random = new java.util.Random(42);
        byte[] good = signed().toJson();
        for (int i = 0; i < 2000; i++) {
            byte[] b = good.clone();
            for (int j = 0; j < 1 + random.nextInt(3); j++) {
                b[random.nextInt(b.length)] = (byte) random.nextInt(256);
            }
            Verification v = verifyBytes(random.nextBoolean() ? b : Arrays.copyOf(b, random.nextInt(b.length)));
            assertFalse(v.status() == Status.VERIFIED);
        }
    }

    @Test
    void signerRefusesAnInvalidRecord() {
        EvaluationRecord bad = record().toBuilder().results(List.of(org.evalledger.core.Result.of(
                org.evalledger.core.Task.of("arc_easy"), List.of(org.evalledger.core.Metric.of("acc", 43.7, true))))).build();
        assertThrows(IllegalArgumentException.class, () -> LAB_SIGNER.sign(bad));
    }

    @Test
    void countersigningTwiceWithTheSameKeyIsRefused() {
        Envelope e = Signer.of(CHECKER).countersign(signed());
        assertThrows(IllegalArgumentException.class, () -> Signer.of(CHECKER).countersign(e));
    }

    private static void reverse(byte[] b) {
        for (int i = 0, j = b.length - 1; i < j; i++, j--) {
            byte t = b[i];
            b[i] = b[j];
            b[j] = t;
        }
    }
}
