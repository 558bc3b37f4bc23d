#!/usr/bin/env node
// Peer of `evalledger audit` built from off-the-shelf parts: JSON.parse, ajv (JSON Schema 2020-12)
// and node:crypto's Ed25519, single-threaded. For every envelope file: read, parse, check the DSSE
// envelope shape, base64-decode the payload, build the PAE, verify every signature against the
// trusted keys, parse the in-toto statement and validate its predicate against the record schema.
//
// usage: node node-peer.js --trust POLICY --schema SCHEMA [--passes N] DIR...
// prints one JSON line {tool, files, ok, failed, seconds, passes} on stdout (seconds: the first pass,
// after start-up, i.e. schema compiled, keys loaded and files listed; passes: each pass's seconds);
// each failure of the first pass goes to stderr as "FAIL file: reason".
// --passes N (default 1) does the whole per-file work N times over the same list in one process:
// every pass reads, parses and verifies every file again (nothing is kept between passes but the
// compiled schema and the key objects, as in one pass); a later pass must fail the same files (else exit 3).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const Ajv2020 = require('ajv/dist/2020');

const PAYLOAD_TYPE = 'application/vnd.in-toto+json';
const ENVELOPE_KEYS = new Set(['payload', 'payloadType', 'signatures']);

function args(argv) {
  const a = { dirs: [], passes: '1' };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--trust' || argv[i] === '--schema' || argv[i] === '--passes') a[argv[i].slice(2)] = argv[++i];
    else a.dirs.push(argv[i]);
  }
  if (!a.trust || !a.schema || a.dirs.length === 0 || !/^[1-9][0-9]*$/.test(a.passes || '')) {
    console.error('usage: node node-peer.js --trust POLICY --schema SCHEMA [--passes N] DIR...');
    process.exit(2);
  }
  a.passes = Number(a.passes);
  return a;
}

function listJson(dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((x, y) => (x.name < y.name ? -1 : 1))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) listJson(p, out);
    else if (e.name.endsWith('.json')) out.push(p);
  }
  return out;
}

// DSSE pre-authentication encoding; lengths are byte lengths.
function pae(type, body) {
  const t = Buffer.from(type, 'utf8');
  return Buffer.concat([Buffer.from(`DSSEv1 ${t.length} `), t, Buffer.from(` ${body.length} `), body]);
}

// Returns null when the file passes, else the reason.
function check(file, keys, validate) {
  let env;
  try {
    env = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    return 'not JSON';
  }
  if (env === null || typeof env !== 'object' || Array.isArray(env)) return 'envelope is not an object';
  for (const k of Object.keys(env)) if (!ENVELOPE_KEYS.has(k)) return `unknown member ${k}`;
  if (typeof env.payload !== 'string' || env.payloadType !== PAYLOAD_TYPE) return 'bad payload or payloadType';
  const sigs = env.signatures;
  if (!Array.isArray(sigs) || sigs.length === 0 || sigs.length > 16) return 'bad signatures array';
  const body = Buffer.from(env.payload, 'base64');
  const message = pae(env.payloadType, body);
  let good = 0;
  for (const s of sigs) {
    if (s === null || typeof s !== 'object' || typeof s.sig !== 'string') return 'signature without sig';
    const sig = Buffer.from(s.sig, 'base64');
    if (sig.length !== 64) return 'signature is not 64 bytes';
    const named = keys.get(s.keyid);
    for (const key of named ? [named] : keys.values()) {
      if (crypto.verify(null, message, key, sig)) { good++; break; }
      if (named) return `signature by trusted key ${s.keyid} does not verify`;
    }
  }
  if (good === 0) return 'no signature by a trusted key';
  let statement;
  try {
    statement = JSON.parse(body.toString('utf8'));
  } catch (e) {
    return 'payload is not JSON';
  }
  if (statement._type !== 'https://in-toto.io/Statement/v1') return 'bad statement _type';
  if (statement.predicateType !== 'https://evalledger.org/schemas/record/v1') return 'bad predicateType';
  if (!validate(statement.predicate)) {
    const e = validate.errors[0];
    return `schema: ${e.instancePath} ${e.message}`;
  }
  return null;
}

function main() {
  const a = args(process.argv.slice(2));
  const policy = JSON.parse(fs.readFileSync(a.trust, 'utf8'));
  const keys = new Map(policy.keys.map((k) => [k.keyid, crypto.createPublicKey(k.publicKey)]));
  const ajv = new Ajv2020();
  const validate = ajv.compile(JSON.parse(fs.readFileSync(a.schema, 'utf8')));
  const files = a.dirs.flatMap((d) => listJson(d));
  const passes = [];
  let failures = null; // pass 1's failed files, in order
  for (let p = 0; p < a.passes; p++) {
    const start = process.hrtime.bigint();
    const failedNow = [];
    for (const f of files) {
      const reason = check(f, keys, validate);
      if (reason !== null) {
        failedNow.push(f);
        if (p === 0) console.error(`FAIL ${f}: ${reason}`); // the reason is made in every pass, written once
      }
    }
    passes.push(Number(process.hrtime.bigint() - start) / 1e9);
    if (failures === null) failures = failedNow;
    else if (failedNow.join('\n') !== failures.join('\n')) {
      console.error(`node-peer: pass ${p + 1} failed ${failedNow.length} files, not pass 1's ${failures.length}`);
      process.exit(3);
    }
  }
  const failed = failures.length;
  console.log(JSON.stringify({ tool: 'node-peer', files: files.length, ok: files.length - failed, failed, seconds: passes[0], passes }));
}

main();
