'use strict';
// Whether the pinned Electron still receives security fixes. Electron ships a new major every
// eight weeks (40.0.0 on 2026-01-13) and supports the newest three. The answer depends on
// today's date, so this is a check of its own (`npm run check:electron`), not part of `npm test`,
// which must give the same result on any day.
const fs = require('node:fs');
const path = require('node:path');

const WEEK_MS = 7 * 24 * 3600 * 1000;

/** The newest stable major on a given day, by Electron's schedule. */
function newestStableMajor(on) {
  return 40 + Math.floor((on.getTime() - Date.UTC(2026, 0, 13)) / (8 * WEEK_MS));
}

/** Whether `major` is one of the three majors supported on that day. */
function isSupported(major, on) {
  return major >= newestStableMajor(on) - 2;
}

module.exports = { newestStableMajor, isSupported };

if (require.main === module) {
  const root = path.join(__dirname, '..');
  const { version } = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8'));
  const major = Number(version.split('.')[0]);
  const today = new Date();
  const newest = newestStableMajor(today);
  if (isSupported(major, today)) {
    console.log(`Electron ${version} is supported: the newest major today is ${newest}.`);
  } else {
    console.log(
      `Electron ${version} no longer receives security fixes: the newest major today is ${newest}. Upgrade it.`,
    );
    process.exitCode = 1;
  }
}
