'use strict';
// `npm start`: the desktop app where Electron is installed, browser mode where it is not.
const { spawn } = require('node:child_process');
const path = require('node:path');

const { electronBinary } = require('./electronBinary.cjs');

const root = path.join(__dirname, '..');
const args = process.argv.slice(2);
const child = electronBinary()
  ? spawn(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['electron-forge', 'start', '--', ...args], {
      cwd: root,
      stdio: 'inherit',
    })
  : (console.log('No Electron binary is installed here, so Copydesk starts in browser mode instead (see README).'),
    spawn(process.execPath, [path.join(root, 'bin', 'copydesk.cjs'), 'serve', ...args], {
      cwd: root,
      stdio: 'inherit',
    }));

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
