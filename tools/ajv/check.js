// Validates documents against a JSON Schema (2020-12, or draft-07 when the schema says so) with ajv
// and prints one JSON verdict per document: [{"file": ..., "valid": bool, "errors": [{"pointer", "keyword"}]}].
// Our own schema is compiled in strict mode; other projects' draft-07 schemas (Every Eval Ever's)
// are compiled as they are published, without ajv's extra strictness.
// Usage: node check.js SCHEMA.json DOC.json...
'use strict';
const fs = require('fs');
const schema = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const draft7 = String(schema.$schema || '').includes('draft-07');
const Ajv = draft7 ? require('ajv') : require('ajv/dist/2020');
const ajv = new Ajv({ allErrors: true, strict: !draft7 });
const validate = ajv.compile(schema);
const out = [];
for (const file of process.argv.slice(3)) {
  const ok = validate(JSON.parse(fs.readFileSync(file, 'utf8')));
  out.push({ file, valid: ok, errors: (validate.errors || []).map(e => ({ pointer: e.instancePath, keyword: e.keyword })) });
}
process.stdout.write(JSON.stringify(out));
