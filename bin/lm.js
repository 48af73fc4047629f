#!/usr/bin/env node
'use strict';
// The `lm` command: loads the compiled CLI from dist/ (built by `npm run build`).
const path = require('path');
const fs = require('fs');

const entry = path.join(__dirname, '..', 'dist', 'cli', 'lm.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('lm: the CLI is not built: run npm run build first\n');
  process.exit(1);
}
require(entry);
