// Validates documents against a JSON Schema 2020-12 document with ajv and prints one JSON
// verdict per document: [{"file": ..., "valid": bool, "errors": [{"pointer", "keyword"}]}].
// Usage: node check.js SCHEMA.json DOC.json...
'use strict';
const fs = require('fs');
const Ajv2020 = require('ajv/dist/2020');
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(JSON.parse(fs.readFileSync(process.argv[2], 'utf8')));
const out = [];
for (const file of process.argv.slice(3)) {
  const ok = validate(JSON.parse(fs.readFileSync(file, 'utf8')));
  out.push({ file, valid: ok, errors: (validate.errors || []).map(e => ({ pointer: e.instancePath, keyword: e.keyword })) });
}
process.stdout.write(JSON.stringify(out));
