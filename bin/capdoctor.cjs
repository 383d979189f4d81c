#!/usr/bin/env node
// Runs the CLI bundle (dist/cli.cjs) with V8's code cache: most of a small lint's start-up is compiling
// code, which the cache replaces by reading what an earlier run compiled. The cache lives in a folder of
// the current user's own in the OS temp folder (CAPDOCTOR_COMPILE_CACHE names another, `off` turns it
// off); V8 refuses a cache made from another source or by another V8, and then a new one is written. A
// cache that cannot be read or written is never an error: the CLI then compiles as usual. CommonJS, not
// an ES module: Node's ES module loader alone costs about 10 ms of a 30 ms start.
'use strict';
const {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} = require('node:fs');
const Module = require('node:module');
const { createRequire } = Module;
const { tmpdir } = require('node:os');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

const file = join(__dirname, '..', 'dist', 'cli.cjs');
// The build keeps the bundle ASCII (scripts/build.mjs), so Latin-1 reads it exactly, and faster than UTF-8.
const source = readFileSync(file).toString('latin1');
const debug = process.env.CAPDOCTOR_DEBUG?.split(',').includes('cache') ?? false;
const say = (text) => debug && process.stderr.write(`capdoctor: compile cache: ${text}\n`);

/** Whether a path is this user's own and writable by nobody else (a shared temp folder must not feed V8). */
function own(path) {
  const stats = lstatSync(path);
  const uid = process.getuid?.();
  return uid === undefined || (stats.uid === uid && (stats.mode & 0o022) === 0);
}

const COMMANDS = new Set(['lint', 'fix', 'diagnose', 'explain', 'scan', 'targets', 'rules']);

function cachePath() {
  const setting = process.env.CAPDOCTOR_COMPILE_CACHE;
  if (setting === 'off' || setting === '0') return undefined;
  const dir = setting || join(tmpdir(), `capdoctor-compile-cache-${process.getuid?.() ?? 'user'}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!own(dir)) return undefined;
  // Another build or another Node gets a file of its own instead of replacing this one each run, and so
  // does each command: a cache holds the functions that the run which wrote it compiled.
  const { size, mtimeMs } = statSync(file);
  const command = COMMANDS.has(process.argv[2]) ? process.argv[2] : 'other';
  return join(dir, `cli-${size}-${Math.trunc(mtimeMs)}-${process.version}-${process.arch}-${command}.bin`);
}

/**
 * Removes the caches other builds of the CLI wrote for this command with this Node: each build writes
 * files of its own, and without this the folder grows by half a megabyte a command with every upgrade.
 */
function prune(kept) {
  const dir = dirname(kept);
  const name = kept.slice(dir.length + 1);
  // cli-SIZE-MTIME-<node version>-<arch>-<command>.bin: the same tail is the same Node and command.
  const tail = name.replace(/^cli-\d+-\d+-/, '');
  for (const other of readdirSync(dir)) {
    if (other === name || !/^cli-\d+-\d+-/.test(other) || other.replace(/^cli-\d+-\d+-/, '') !== tail) continue;
    try {
      unlinkSync(join(dir, other));
      say(`removed ${other}`);
    } catch {
      // Another run may have removed it first.
    }
  }
}

let cache;
let cachedData;
try {
  cache = cachePath();
  if (cache && own(cache)) cachedData = readFileSync(cache);
} catch {
  // No cache yet, or none to be had.
}

const script = new Script(Module.wrap(source), { filename: file, cachedData });
say(cachedData === undefined ? (cache ? 'none yet' : 'off') : script.cachedDataRejected ? 'refused' : 'used');

if (cache && (cachedData === undefined || script.cachedDataRejected)) {
  // Written at exit, so that it holds the functions this run compiled as well.
  process.once('exit', () => {
    try {
      const temporary = `${cache}.${process.pid}.tmp`;
      writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
      renameSync(temporary, cache);
      say('written');
      prune(cache);
    } catch {
      // The next run compiles again.
    }
  });
}

const cli = { exports: {} };
script.runInThisContext()(cli.exports, createRequire(file), cli, file, dirname(file));
