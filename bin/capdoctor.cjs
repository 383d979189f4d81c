#!/usr/bin/env node
// Runs the CLI bundle (dist/cli.cjs) with V8's code cache: most of a small lint's start-up is compiling
// code, which the cache replaces by reading what an earlier run compiled. The commands other than lint
// are files of their own beside it (dist/fix.cjs, ...), which the CLI requires when the command runs;
// they load the same way, each with a cache of its own. The caches live in a folder of the current
// user's own in the OS temp folder (CAPDOCTOR_COMPILE_CACHE names another, `off` turns them off); V8
// refuses a cache made from another source or by another V8, and then a new one is written. A cache that
// cannot be read or written is never an error: the CLI then compiles as usual. CommonJS, not an ES
// module: Node's ES module loader alone costs about 10 ms of a 30 ms start.
'use strict';
const {
  closeSync,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  unlinkSync,
  writeFileSync,
} = require('node:fs');
const Module = require('node:module');
const { createRequire } = Module;
const { tmpdir } = require('node:os');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

const dist = join(__dirname, '..', 'dist');
const debug = process.env.CAPDOCTOR_DEBUG?.split(',').includes('cache') ?? false;
const say = (text) => debug && process.stderr.write(`capdoctor: compile cache: ${text}\n`);

/** Whether a path is this user's own and writable by nobody else (a shared temp folder must not feed V8). */
function own(path) {
  const stats = lstatSync(path);
  const uid = process.getuid?.();
  return uid === undefined || (stats.uid === uid && (stats.mode & 0o022) === 0);
}

const COMMANDS = new Set(['lint', 'fix', 'diagnose', 'explain', 'scan', 'targets', 'rules']);
// Each command gets cache files of its own: a cache holds the functions that the run which wrote it compiled.
const command = COMMANDS.has(process.argv[2]) ? process.argv[2] : 'other';

function cacheFolder() {
  const setting = process.env.CAPDOCTOR_COMPILE_CACHE;
  if (setting === 'off' || setting === '0') return undefined;
  const dir = setting || join(tmpdir(), `capdoctor-compile-cache-${process.getuid?.() ?? 'user'}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return own(dir) ? dir : undefined;
}

let folder;
try {
  folder = cacheFolder();
} catch {
  // None to be had.
}

/** `<name>-SIZE-MTIME-<node version>-<arch>-<command>.bin`: another build or another Node gets a file of its own. */
function cachePath({ size, mtimeMs }, name) {
  return join(folder, `${name}-${size}-${Math.trunc(mtimeMs)}-${process.version}-${process.arch}-${command}.bin`);
}

/**
 * Removes the caches other builds of the file wrote for this command with this Node: each build writes
 * files of its own, and without this the folder grows by half a megabyte a command with every upgrade.
 */
function prune(kept, name) {
  const dir = dirname(kept);
  const keptName = kept.slice(dir.length + 1);
  const build = new RegExp(`^${name}-\\d+-\\d+-`);
  // The same tail is the same Node and command.
  const tail = keptName.replace(build, '');
  for (const other of readdirSync(dir)) {
    if (other === keptName || !build.test(other) || other.replace(build, '') !== tail) continue;
    try {
      unlinkSync(join(dir, other));
      say(`removed ${other}`);
    } catch {
      // Another run may have removed it first.
    }
  }
}

/** Caches to write at exit, so that they hold the functions this run compiled as well. */
const unwritten = [];
process.once('exit', () => {
  for (const { script, cache, name, label } of unwritten) {
    try {
      const temporary = `${cache}.${process.pid}.tmp`;
      writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
      renameSync(temporary, cache);
      say(`${label}written`);
      prune(cache, name);
    } catch {
      // The next run compiles again.
    }
  }
});

/** The CLI's own files, each run once, as Node runs a CommonJS file. */
const loaded = new Map();

// What Node wraps a CommonJS file in. The file is read between the two, so that V8 gets the wrapped source
// as one string: joining them afterwards would copy the half megabyte again.
const HEAD = '(function (exports, require, module, __filename, __dirname) { ';
const TAIL = '\n});';

/** The file's wrapped source, and its size and time for the cache's name. */
function read(file) {
  const fd = openSync(file, 'r');
  try {
    const stats = fstatSync(fd);
    const buffer = Buffer.allocUnsafe(HEAD.length + stats.size + TAIL.length);
    buffer.latin1Write(HEAD, 0);
    let done = 0;
    while (done < stats.size) {
      const count = readSync(fd, buffer, HEAD.length + done, stats.size - done, done);
      if (count === 0) throw new Error(`${file}: shorter than its size`);
      done += count;
    }
    buffer.latin1Write(TAIL, HEAD.length + stats.size);
    // The build keeps these files ASCII (scripts/build.mjs), so Latin-1 reads them exactly, and faster than UTF-8.
    return { source: buffer.latin1Slice(0, buffer.length), stats };
  } finally {
    closeSync(fd);
  }
}

/** Runs dist/<name>.cjs through the code cache and returns its exports. */
function load(name) {
  const known = loaded.get(name);
  if (known) return known.exports;
  const file = join(dist, `${name}.cjs`);
  const { source, stats } = read(file);
  // The CLI's messages stay as they were; the other files name themselves.
  const label = name === 'cli' ? '' : `${name}.cjs: `;
  let cache;
  let cachedData;
  try {
    if (folder) {
      cache = cachePath(stats, name);
      if (own(cache)) cachedData = readFileSync(cache);
    }
  } catch {
    // No cache yet.
  }
  const script = new Script(source, { filename: file, cachedData });
  say(
    `${label}${cachedData === undefined ? (cache ? 'none yet' : 'off') : script.cachedDataRejected ? 'refused' : 'used'}`,
  );
  if (cache && (cachedData === undefined || script.cachedDataRejected)) unwritten.push({ script, cache, name, label });
  const module = { exports: {} };
  loaded.set(name, module);
  script.runInThisContext()(module.exports, requireFrom(file), module, file, dist);
  return module.exports;
}

/** The files of commands that the CLI requires (scripts/build.mjs makes them ASCII, as it does the CLI). */
const COMMAND_FILES = new Set(['./fix.cjs', './diagnose.cjs', './scan.cjs', './explain.cjs']);

/** `require` for a file of the CLI: the commands' files through load(), the rest as Node does. */
function requireFrom(file) {
  const base = createRequire(file);
  const required = (id) => (COMMAND_FILES.has(id) ? load(id.slice(2, -4)) : base(id));
  return Object.assign(required, { resolve: base.resolve, cache: base.cache, main: base.main });
}

load('cli');
// Once nothing is left to do (every write done, no timer or server left), exit rather than return: Node
// would otherwise take apart the V8 heap and the environment before the process ends, a few
// milliseconds of a small lint that nothing needs. The 'exit' listeners (the caches above) still run.
process.once('beforeExit', () => process.exit());
