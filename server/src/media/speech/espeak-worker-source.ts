// The source of the worker thread that runs espeak-ng (GPL-3.0-or-later, Emscripten/WASM build from
// the `espeak-ng` npm package). It lives in a worker so that a long or stuck synthesis never blocks the
// server's event loop and can be ended with worker.terminate() on timeout.
// It is plain CommonJS handed to `new Worker(source, { eval: true })`, which runs the same under tsx,
// vitest and a bundled build, with no loader for TypeScript needed in the worker.
//
// Each job gets a fresh Emscripten instance: espeak-ng's main() keeps global state and calls exit(),
// so an instance is not reused. The compiled WebAssembly.Module (18 MB) is cached for the worker's life.
// `quit` is overridden because the Node default sets process.exitCode on a failed run.

export const ESPEAK_WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');

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
  let wav = null;
  try {
    wav = instance.FS.readFile(job.outputPath);
  } catch {
    wav = null;
  }
  return { exitCode, messages, wav };
}

parentPort.on('message', (job) => {
  synthesise(job).then(
    ({ exitCode, messages, wav }) => {
      const buffer = wav ? wav.buffer.slice(wav.byteOffset, wav.byteOffset + wav.byteLength) : null;
      parentPort.postMessage({ id: job.id, exitCode, messages, wav: buffer }, buffer ? [buffer] : []);
    },
    (error) => {
      parentPort.postMessage({ id: job.id, exitCode: -1, messages: [String(error && error.stack || error)], wav: null });
    },
  );
});
`;
