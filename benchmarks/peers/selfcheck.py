#!/usr/bin/python3
"""Builds the self-check uploads that prove each tool really verifies and validates.

usage: /usr/bin/python3 selfcheck.py ENVELOPE PRIVATE_KEY.key OUT_DIR

Writes three envelopes to OUT_DIR:
  good.json            a byte-for-byte copy of ENVELOPE: must pass;
  tampered.json        one byte of the signed payload changed (a digit of a metric value, so the
                       payload is still valid JSON and a valid record), signature kept: must fail
                       on the signature;
  schema-invalid.json  a metric unit changed to "fraction" (not in the schema's enum) and signed
                       again with the trusted key: the signature is good, so it must fail on the
                       schema (our audit may name the subject digest first: that also rejects it).
"""
import base64
import json
import os
import re
import shutil
import sys

from nacl.signing import SigningKey

ED25519_PKCS8_PREFIX = bytes.fromhex("302e020100300506032b657004220420")  # PKCS#8 v1 header
ED25519_PKCS8_V2_PREFIX = bytes.fromhex("3051020101300506032b657004220420")  # v2, public key follows


def signing_key(pem):
    der = base64.b64decode("".join(l for l in pem.splitlines() if not l.startswith("-----")))
    if not der.startswith((ED25519_PKCS8_PREFIX, ED25519_PKCS8_V2_PREFIX)):
        raise ValueError("not an Ed25519 PKCS#8 private key")
    return SigningKey(der[16:48])


def pae(payload_type, body):
    t = payload_type.encode("utf-8")
    return b"DSSEv1 %d %s %d %s" % (len(t), t, len(body), body)


def write(path, env):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(env, f)


def main(envelope_path, key_path, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    shutil.copyfile(envelope_path, os.path.join(out_dir, "good.json"))
    with open(envelope_path, encoding="utf-8") as f:
        env = json.load(f)
    body = base64.b64decode(env["payload"])

    m = re.search(rb'"value":0\.(\d)', body)  # first metric value: change one digit
    i = m.start(1)
    tampered = body[:i] + (b"1" if body[i:i + 1] != b"1" else b"2") + body[i + 1:]
    write(os.path.join(out_dir, "tampered.json"), dict(env, payload=base64.b64encode(tampered).decode()))

    invalid = body.replace(b'"unit":"proportion"', b'"unit":"fraction"', 1)
    with open(key_path, encoding="utf-8") as f:
        sig = signing_key(f.read()).sign(pae(env["payloadType"], invalid)).signature
    keyid = env["signatures"][0]["keyid"]
    write(os.path.join(out_dir, "schema-invalid.json"),
          dict(env, payload=base64.b64encode(invalid).decode(),
               signatures=[{"keyid": keyid, "sig": base64.b64encode(sig).decode()}]))


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
