'use strict';
// Whether this checkout has a runnable Electron binary. Asking `require('electron')` would
// try to download one, so look at what the electron package has on disk instead.
const fs = require('node:fs');
const path = require('node:path');

function electronBinary(root = path.join(__dirname, '..')) {
  const pkg = path.join(root, 'node_modules', 'electron');
  try {
    const relative = fs.readFileSync(path.join(pkg, 'path.txt'), 'utf8').trim();
    const binary = path.join(pkg, 'dist', relative);
    return fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

module.exports = { electronBinary };
