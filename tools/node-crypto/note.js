// An independent C2SP signed-note verifier (Ed25519, type 0x01) using Node's built-in crypto,
// for the ledger's checkpoint cross-check. Usage: node note.js VKEY NOTE_FILE
// Prints the verified text as JSON {"ok": true, "text": ...} or {"ok": false, "error": ...}.
'use strict';
const crypto = require('crypto');
const fs = require('fs');

function fail(error) {
  process.stdout.write(JSON.stringify({ ok: false, error }));
  process.exit(0);
}

const vkey = process.argv[2];
const note = fs.readFileSync(process.argv[3], 'utf8');
const first = vkey.indexOf('+');
const second = vkey.indexOf('+', first + 1);
const name = vkey.slice(0, first);
const hashHex = vkey.slice(first + 1, second);
const typed = Buffer.from(vkey.slice(second + 1), 'base64');
if (typed.length !== 33 || typed[0] !== 1) fail('not an Ed25519 verifier key');
const raw = typed.subarray(1);
const expectHash = crypto.createHash('sha256')
  .update(Buffer.concat([Buffer.from(name, 'utf8'), Buffer.from([0x0a, 0x01]), raw])).digest().subarray(0, 4);
if (expectHash.toString('hex') !== hashHex) fail('key hash does not match');
const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), raw]);
const key = crypto.createPublicKey({ key: spki, format: 'der', type: 'spki' });

const split = note.lastIndexOf('\n\n');
if (split < 0) fail('no blank line');
const text = note.slice(0, split + 1);
const lines = note.slice(split + 2).split('\n');
if (lines.pop() !== '') fail('signature lines must end with a newline');
let verified = false;
for (const line of lines) {
  const m = /^\u2014 (\S+) (\S+)$/.exec(line);
  if (!m) fail('malformed signature line');
  if (m[1] !== name) continue;
  const blob = Buffer.from(m[2], 'base64');
  if (blob.subarray(0, 4).toString('hex') !== hashHex) continue;
  if (!crypto.verify(null, Buffer.from(text, 'utf8'), key, blob.subarray(4))) fail('bad signature');
  verified = true;
}
if (!verified) fail('no signature by the key');
process.stdout.write(JSON.stringify({ ok: true, text }));
