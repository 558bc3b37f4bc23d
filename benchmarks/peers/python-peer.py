#!/usr/bin/python3
"""Peer of `evalledger audit` built from Debian's python3-jsonschema and python3-nacl, single-threaded.

For every envelope file: read, parse, check the DSSE envelope shape, base64-decode the payload,
build the PAE, verify every signature against the trusted keys (libsodium Ed25519), parse the
in-toto statement and validate its predicate against the record schema (Draft202012Validator).

usage: /usr/bin/python3 python-peer.py --trust POLICY --schema SCHEMA [--passes N] DIR...
prints one JSON line {tool, files, ok, failed, seconds, passes} on stdout (seconds: the first pass,
after start-up, i.e. schema loaded, keys decoded and files listed; passes: each pass's seconds);
each failure of the first pass goes to stderr as "FAIL file: reason".
--passes N (default 1) does the whole per-file work N times over the same list in one process:
every pass reads, parses and verifies every file again (nothing is kept between passes but the
validator and the keys, as in one pass); a later pass must fail the same files (else exit 3).
"""
import argparse
import base64
import binascii
import json
import os
import sys
import time

import jsonschema
from nacl.exceptions import BadSignatureError
from nacl.signing import VerifyKey

PAYLOAD_TYPE = "application/vnd.in-toto+json"
ENVELOPE_KEYS = {"payload", "payloadType", "signatures"}
ED25519_SPKI_PREFIX = bytes.fromhex("302a300506032b6570032100")  # DER SubjectPublicKeyInfo header


def verify_key(pem):
    der = base64.b64decode("".join(l for l in pem.splitlines() if not l.startswith("-----")))
    if len(der) != 44 or not der.startswith(ED25519_SPKI_PREFIX):
        raise ValueError("not an Ed25519 SPKI public key")
    return VerifyKey(der[12:])


def pae(payload_type, body):
    t = payload_type.encode("utf-8")
    return b"DSSEv1 %d %s %d %s" % (len(t), t, len(body), body)


def list_json(dirs):
    files = []
    for d in dirs:
        for root, subdirs, names in os.walk(d):
            subdirs.sort()
            files += [os.path.join(root, n) for n in sorted(names) if n.endswith(".json")]
    return files


def verifies(key, message, sig):
    try:
        key.verify(message, sig)
        return True
    except BadSignatureError:
        return False


def check(path, keys, validator):
    """None when the file passes, else the reason."""
    try:
        with open(path, "rb") as f:
            env = json.loads(f.read())
    except ValueError:
        return "not JSON"
    if not isinstance(env, dict):
        return "envelope is not an object"
    unknown = set(env) - ENVELOPE_KEYS
    if unknown:
        return "unknown member %s" % sorted(unknown)[0]
    if not isinstance(env.get("payload"), str) or env.get("payloadType") != PAYLOAD_TYPE:
        return "bad payload or payloadType"
    sigs = env.get("signatures")
    if not isinstance(sigs, list) or not 1 <= len(sigs) <= 16:
        return "bad signatures array"
    try:
        body = base64.b64decode(env["payload"], validate=True)
    except binascii.Error:
        return "payload is not base64"
    message = pae(env["payloadType"], body)
    good = 0
    for s in sigs:
        if not isinstance(s, dict) or not isinstance(s.get("sig"), str):
            return "signature without sig"
        try:
            sig = base64.b64decode(s["sig"], validate=True)
        except binascii.Error:
            return "sig is not base64"
        if len(sig) != 64:
            return "signature is not 64 bytes"
        named = keys.get(s.get("keyid"))
        for key in [named] if named else keys.values():
            if verifies(key, message, sig):
                good += 1
                break
            if named:
                return "signature by trusted key %s does not verify" % s["keyid"]
    if good == 0:
        return "no signature by a trusted key"
    try:
        statement = json.loads(body)
    except ValueError:
        return "payload is not JSON"
    if not isinstance(statement, dict) or statement.get("_type") != "https://in-toto.io/Statement/v1":
        return "bad statement _type"
    if statement.get("predicateType") != "https://evalledger.org/schemas/record/v1":
        return "bad predicateType"
    error = next(validator.iter_errors(statement.get("predicate")), None)
    if error is not None:
        return "schema: /%s %s" % ("/".join(map(str, error.absolute_path)), error.message)
    return None


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--trust", required=True)
    p.add_argument("--schema", required=True)
    p.add_argument("--passes", type=int, default=1)
    p.add_argument("dirs", nargs="+")
    a = p.parse_args()
    if a.passes < 1:
        p.error("--passes must be at least 1")
    with open(a.trust, encoding="utf-8") as f:
        keys = {k["keyid"]: verify_key(k["publicKey"]) for k in json.load(f)["keys"]}
    with open(a.schema, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    files = list_json(a.dirs)
    passes = []
    failures = None  # pass 1's failed files, in order
    for n in range(a.passes):
        start = time.perf_counter()
        failed_now = []
        for path in files:
            reason = check(path, keys, validator)
            if reason is not None:
                failed_now.append(path)
                if n == 0:  # the reason is made in every pass, written once
                    print("FAIL %s: %s" % (path, reason), file=sys.stderr)
        passes.append(time.perf_counter() - start)
        if failures is None:
            failures = failed_now
        elif failed_now != failures:
            print("python-peer: pass %d failed %d files, not pass 1's %d" % (n + 1, len(failed_now), len(failures)),
                  file=sys.stderr)
            sys.exit(3)
    failed = len(failures)
    print(json.dumps({"tool": "python-peer", "files": len(files), "ok": len(files) - failed,
                      "failed": failed, "seconds": passes[0], "passes": passes}))


if __name__ == "__main__":
    main()
