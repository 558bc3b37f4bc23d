// Independent DSSE cross-check with Node's own crypto (no npm packages), run by NodeCryptoCrossCheckTest.
//   node dsse.js verify CASES.json   -> prints [true|false, ...]: does each {spkiPem, payloadType, payloadB64, sigB64} verify?
//   node dsse.js jcs CASES.json      -> prints [true|false, ...]: is each payloadB64 exactly the RFC 8785 form of itself?
//   node dsse.js sign OUT.json       -> signs a non-ASCII payload with a fresh Ed25519 and P-256 key and writes
//                                       [{spkiPem, envelope}] for the Java side to verify
'use strict';
const crypto = require('crypto');
const fs = require('fs');

function pae(type, body) {
  const t = Buffer.from(type, 'utf8');
  return Buffer.concat([Buffer.from(`DSSEv1 ${t.length} `), t, Buffer.from(` ${body.length} `), body]);
}

function verifyOne(c) {
  const key = crypto.createPublicKey(c.spkiPem);
  const data = pae(c.payloadType, Buffer.from(c.payloadB64, 'base64'));
  const sig = Buffer.from(c.sigB64, 'base64');
  if (key.asymmetricKeyType === 'ed25519') return crypto.verify(null, data, key, sig);
  return crypto.verify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, sig);
}

function canon(v) {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return '[' + v.map(canon).join(',') + ']';
  return '{' + Object.keys(v).sort().map(k => JSON.stringify(k) + ':' + canon(v[k])).join(',') + '}';
}

const [mode, file] = process.argv.slice(2);
if (mode === 'verify') {
  process.stdout.write(JSON.stringify(JSON.parse(fs.readFileSync(file, 'utf8')).map(verifyOne)));
} else if (mode === 'jcs') {
  process.stdout.write(JSON.stringify(JSON.parse(fs.readFileSync(file, 'utf8')).map(c => {
    const text = Buffer.from(c.payloadB64, 'base64').toString('utf8');
    return canon(JSON.parse(text)) === text;
  })));
} else if (mode === 'sign') {
  const payload = Buffer.from('{"note":"caf\u00e9 \u2013 \u00fcn\u00efcode \u2713 \ud83d\ude02"}', 'utf8');
  const type = 'application/vnd.in-toto+json';
  const out = [];
  for (const [kind, opts] of [['ed25519', {}], ['ec', { namedCurve: 'P-256' }]]) {
    const { publicKey, privateKey } = crypto.generateKeyPairSync(kind, opts);
    const data = pae(type, payload);
    const sig = kind === 'ed25519' ? crypto.sign(null, data, privateKey)
      : crypto.sign('sha256', data, { key: privateKey, dsaEncoding: 'ieee-p1363' });
    out.push({ spkiPem: publicKey.export({ type: 'spki', format: 'pem' }),
      envelope: { payloadType: type, payload: payload.toString('base64'), signatures: [{ sig: sig.toString('base64') }] } });
  }
  fs.writeFileSync(file, JSON.stringify(out));
} else {
  console.error('usage: node dsse.js verify CASES.json | jcs CASES.json | sign OUT.json');
  process.exit(2);
}
