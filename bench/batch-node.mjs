// SPDX-License-Identifier: GPL-3.0-or-later
// The official Camunda TypeScript client (@camunda8/orchestration-cluster-api, installed by
// `npm ci` in tests/conformance) completing a range of `jobdesk-sandbox --generate N` keys in one
// process with `--concurrency` completions in flight — the reference for `jobdesk-cli batch` in
// bench/batch.sh. Prints one line like bench-batch-qnam: completions, 204s, failures, wall time,
// completions per second, CPU time per completion and peak RSS.
//
//   node bench/batch-node.mjs --base-url http://127.0.0.1:8080/v2 --count 100000 --concurrency 8
import { pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const clientEntry = join(here, '..', 'tests', 'conformance', 'node_modules', '@camunda8',
  'orchestration-cluster-api', 'dist', 'index.js');
const { createCamundaClient } = await import(pathToFileURL(clientEntry).href);

const { values } = parseArgs({
  options: {
    'base-url': { type: 'string' },
    'first-key': { type: 'string', default: '2251799813685249' },
    count: { type: 'string' },
    concurrency: { type: 'string', default: '8' },
  },
});
if (!values['base-url'] || !values.count) {
  console.error('usage: node bench/batch-node.mjs --base-url <url> --count <n> [--first-key <key>] [--concurrency <n>]');
  process.exit(2);
}
// The client wants the cluster address without the /v2 suffix.
const address = values['base-url'].replace(/\/v2\/?$/, '');
const count = Number(values.count);
const concurrency = Number(values.concurrency);
const firstKey = BigInt(values['first-key']);

const camunda = createCamundaClient({
  config: {
    CAMUNDA_REST_ADDRESS: address,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    CAMUNDA_SDK_LOG_LEVEL: 'error',
    // The client's defaults otherwise: request validation, retries on 429/503, back-pressure.
  },
});

let next = 0;
let ok = 0;
let failed = 0;
const cpuAtStart = process.cpuUsage();
const start = process.hrtime.bigint();

async function worker() {
  while (next < count) {
    // Keys stay strings end to end (they are above 2^53 in the sandbox's --demo partition).
    const jobKey = (firstKey + BigInt(next++)).toString();
    try {
      await camunda.completeJob({ jobKey, variables: { approved: true } });
      ++ok;
    } catch {
      ++failed;
    }
  }
}

await Promise.all(Array.from({ length: concurrency }, worker));
const wall = Number(process.hrtime.bigint() - start) / 1e9;
const cpu = process.cpuUsage(cpuAtStart);
const answered = ok + failed;
const peakRssKiB = Math.round(process.resourceUsage().maxRSS);
console.log(`node-client completions ${answered}  204 ${ok}  other ${failed}  errors 0  `
  + `wall ${wall.toFixed(3)} s  ${Math.round(answered / wall)} /s  `
  + `cpu ${((cpu.user + cpu.system) / answered).toFixed(1)} us/completion  peak-rss ${peakRssKiB} KiB`);
process.exit(failed === 0 ? 0 : 1);
