#!/usr/bin/env node
// Node's own Ed25519 verification (node:crypto, OpenSSL), alone: the part of the Node peer's cost that
// is the signature, beside SigningBench.providerBouncyCastle (JMH) on the same message sizes.
//   node benchmarks/peers/node-ed25519.js [BYTES...]     (default 400 7000; 5 rounds of 3,000 each)
'use strict';
const crypto = require('node:crypto');

const sizes = process.argv.slice(2).map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) {
  console.error('usage: node node-ed25519.js [BYTES...] (whole numbers of at least 1)');
  process.exit(2);
}
const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519');
for (const bytes of sizes.length ? sizes : [400, 7000]) {
  const message = crypto.randomBytes(bytes);
  const signature = crypto.sign(null, message, privateKey);
  const rounds = [];
  for (let r = 0; r < 5; r++) {
    const n = 3000;
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) {
      if (!crypto.verify(null, message, publicKey, signature)) throw new Error('own signature did not verify');
    }
    rounds.push(Number(process.hrtime.bigint() - start) / 1e3 / n);
  }
  const sorted = [...rounds].sort((a, b) => a - b);
  console.log(`${bytes} bytes: ${rounds.map((x) => x.toFixed(1)).join(' ')} us per verify (median ${sorted[2].toFixed(1)})`);
}
