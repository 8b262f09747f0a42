// The source of the child process that runs espeak-ng (GPL-3.0-or-later, Emscripten/WASM build from
// the `espeak-ng` npm package). It runs apart from the server so that a long or stuck synthesis never
// blocks the server's event loop and can be killed on timeout, and so that the memory it takes (the
// 18 MB module file, the WebAssembly memory, each WAV) goes back to the system when it exits: in a
// worker thread the server's allocator kept some tens of megabytes of it for good.
// It is plain CommonJS handed to `node -e`, which runs the same under tsx, vitest and a bundled build,
// with no loader for TypeScript needed. Jobs and replies travel over the IPC channel ('advanced'
// serialization); the WAV is written to a file the server names and reads once, rather than sent in
// pieces over the channel. The process ends itself when the server goes away.
//
// Each job gets a fresh Emscripten instance: espeak-ng's main() keeps global state and calls exit(),
// so an instance is not reused. The compiled WebAssembly.Module (18 MB) is cached for the worker's life.
// `quit` is overridden because the Node default sets process.exitCode on a failed run.

export const ESPEAK_WORKER_SOURCE = String.raw`
const { readFileSync, writeFileSync } = require('node:fs');
const workerData = JSON.parse(process.env.BANTIN_ESPEAK_PATHS);

let compiled;
const factory = import(workerData.jsUrl).then((m) => m.default);

function wasmModule() {
  compiled ??= WebAssembly.compile(readFileSync(workerData.wasmPath));
  return compiled;
}

async function synthesise(job) {
  const [create, module] = await Promise.all([factory, wasmModule()]);
  const stderr = [];
  let exitCode = 0;
  const instance = await create({
    arguments: job.args,
    print: () => {},
    printErr: (line) => stderr.push(String(line)),
    quit: (status, toThrow) => {
      exitCode = status;
      throw toThrow;
    },
    instantiateWasm: (imports, receive) => {
      WebAssembly.instantiate(module, imports).then((inst) => receive(inst, module));
      return {};
    },
    preRun: [(M) => M.FS.writeFile(job.inputPath, job.text)],
  });
  const messages = stderr.filter((line) => !line.startsWith('program exited'));
  let wav = false;
  try {
    // To a file of the server's choosing, so the audio never crosses the IPC channel in pieces.
    writeFileSync(job.hostOutputPath, instance.FS.readFile(job.outputPath));
    wav = true;
  } catch {
    wav = false;
  }
  return { exitCode, messages, wav };
}

process.on('disconnect', () => process.exit(0));
process.on('message', (job) => {
  synthesise(job).then(
    ({ exitCode, messages, wav }) => {
      process.send({ id: job.id, exitCode, messages, wav });
    },
    (error) => {
      process.send({ id: job.id, exitCode: -1, messages: [String(error && error.stack || error)], wav: false });
    },
  );
});
`;
