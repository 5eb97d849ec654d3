// SPDX-License-Identifier: GPL-3.0-or-later
// Conformance of jobdesk-sandbox with the OFFICIAL Camunda client
// (@camunda8/orchestration-cluster-api, pinned in package.json / package-lock.json).
// If the client and the sandbox disagree, the sandbox is wrong.
//
// Run: JOBDESK_SANDBOX=<build>/bin/jobdesk-sandbox node --test conformance.test.mjs
// (ctest does this; scripts/test runs `npm ci` here first.)
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { createCamundaClient, isSdkError } from '@camunda8/orchestration-cluster-api';

const here = path.dirname(fileURLToPath(import.meta.url));
const binary = process.env.JOBDESK_SANDBOX ?? path.join(here, '..', '..', 'build', 'bin', 'jobdesk-sandbox');
const running = [];

after(() => {
  for (const child of running) child.kill('SIGTERM');
});

/** Starts `jobdesk-sandbox --port 0 <args>` and resolves with its base URL (first stdout line). */
function startSandbox(args = []) {
  assert.ok(existsSync(binary), `sandbox binary not found: ${binary} (set JOBDESK_SANDBOX)`);
  const child = spawn(binary, ['--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the sandbox printed no address within 10 s')), 10000);
    child.once('exit', (code) => reject(new Error(`the sandbox exited with ${code}`)));
    createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      const match = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
      if (!match) reject(new Error(`unexpected first line: ${line}`));
      else resolve(match[1]);
    });
  });
}

/** The official client against `url`; responses validated strictly against the client's schemas. */
function client(url, extra = {}) {
  return createCamundaClient({
    config: {
      CAMUNDA_REST_ADDRESS: url,
      CAMUNDA_AUTH_STRATEGY: 'NONE',
      CAMUNDA_SDK_VALIDATION: 'req:none,res:strict',
      CAMUNDA_SDK_HTTP_RETRY_MAX_ATTEMPTS: 1,
      CAMUNDA_SDK_LOG_LEVEL: 'error',
      ...extra,
    },
  });
}

/** Runs `promise`, expects the client to throw an HTTP error, returns it. */
async function httpError(promise) {
  try {
    await promise;
  } catch (e) {
    assert.ok(isSdkError(e), `expected an SDK error, got ${e}`);
    return e;
  }
  assert.fail('expected the call to fail');
}

const demo = startSandbox(['--demo']);
// The sandbox's search is consistent at once: no polling needed.
const NOW = { consistency: { waitUpToMs: 0 } };

async function firstJob(camunda, filter) {
  const result = await camunda.searchJobs({ filter, page: { limit: 1 } }, NOW);
  assert.ok(result.items.length > 0, `no job for ${JSON.stringify(filter)}`);
  return result.items[0];
}

test('topology and status', async () => {
  const camunda = client(await demo);
  const topology = await camunda.getTopology();
  assert.match(topology.gatewayVersion, /^8\.8\./);
  assert.equal(topology.partitionsCount, 3);
  assert.equal(topology.brokers[0].partitions.length, 3);
  await camunda.getStatus();
});

test('complete a job, then 404 NOT_FOUND on the second try', async () => {
  const camunda = client(await demo);
  const job = await firstJob(camunda, { type: 'payment-service', state: 'CREATED' });
  assert.equal(typeof job.jobKey, 'string');
  await camunda.completeJob({ jobKey: job.jobKey, variables: { paymentId: 'PAY-991', approved: true } });

  const e = await httpError(camunda.completeJob({ jobKey: job.jobKey, variables: {} }));
  assert.equal(e.name, 'HttpSdkError');
  assert.equal(e.status, 404);
  assert.equal(e.title, 'NOT_FOUND');
  assert.equal(
    e.detail,
    `Command 'COMPLETE' rejected with code 'NOT_FOUND': Expected to complete job with key '${job.jobKey}', but no such job was found`,
  );
  assert.equal(e.instance, `/v2/jobs/${job.jobKey}/completion`);

  const after = await camunda.searchJobs({ filter: { jobKey: job.jobKey } }, NOW);
  assert.equal(after.items.length, 1);
  assert.equal(after.items[0].state, 'COMPLETED');
});

test('search jobs with filter, sort and paging', async () => {
  const camunda = client(await demo);
  const all = await camunda.searchJobs({
    filter: { kind: 'BPMN_ELEMENT' },
    sort: [{ field: 'jobKey', order: 'DESC' }],
    page: { from: 0, limit: 100 },
  }, NOW);
  assert.ok(all.page.totalItems >= 20);
  assert.equal(all.items.length, all.page.totalItems);
  const keys = all.items.map((j) => BigInt(j.jobKey));
  for (let i = 1; i < keys.length; i++) assert.ok(keys[i - 1] > keys[i]);
  const types = new Set(all.items.map((j) => j.type));
  assert.ok(types.size >= 3);

  const page = await camunda.searchJobs({
    filter: { kind: 'BPMN_ELEMENT' },
    sort: [{ field: 'jobKey', order: 'DESC' }],
    page: { from: 2, limit: 3 },
  }, NOW);
  assert.deepEqual(page.items.map((j) => j.jobKey), all.items.slice(2, 5).map((j) => j.jobKey));

  const listeners = await camunda.searchJobs({ filter: { kind: 'TASK_LISTENER', listenerEventType: 'COMPLETING' } }, NOW);
  assert.ok(listeners.items.length >= 2);
  const adHoc = await camunda.searchJobs({ filter: { kind: 'AD_HOC_SUB_PROCESS' } }, NOW);
  assert.ok(adHoc.items.length >= 1);
});

test('409 INVALID_STATE for a FAILED job', async () => {
  const camunda = client(await demo);
  const job = await firstJob(camunda, { state: 'FAILED', retries: 0 });
  const e = await httpError(camunda.completeJob({ jobKey: job.jobKey }));
  assert.equal(e.status, 409);
  assert.equal(e.title, 'INVALID_STATE');
  assert.match(e.detail, /but it is in state 'FAILED'$/);
});

test('409 INVALID_STATE for an ERROR_THROWN job', async () => {
  const camunda = client(await demo);
  const job = await firstJob(camunda, { state: 'ERROR_THROWN' });
  const e = await httpError(camunda.completeJob({ jobKey: job.jobKey }));
  assert.equal(e.status, 409);
  assert.match(e.detail, /but it is in state 'ERROR_THROWN'$/);
});

test('400 for task-listener rules', async () => {
  const camunda = client(await demo);
  const completing = await firstJob(camunda, { kind: 'TASK_LISTENER', listenerEventType: 'COMPLETING', state: 'CREATED' });
  let e = await httpError(camunda.completeJob({ jobKey: completing.jobKey, variables: { approved: true } }));
  assert.equal(e.status, 400);
  assert.equal(e.title, 'INVALID_ARGUMENT');
  assert.match(e.detail, /Task Listener job completion with variables payload provided is not yet supported/);

  const creating = await firstJob(camunda, { kind: 'TASK_LISTENER', listenerEventType: 'CREATING', state: 'CREATED' });
  e = await httpError(camunda.completeJob({ jobKey: creating.jobKey, result: { type: 'userTask', denied: true } }));
  assert.equal(e.status, 400);
  assert.match(e.detail, /Denying result is not supported for 'CREATING' task listener jobs/);

  // Denying where it is allowed works, and is visible in search.
  await camunda.completeJob({
    jobKey: completing.jobKey,
    result: { type: 'userTask', denied: true, deniedReason: 'needs a second approver' },
  });
  const denied = await firstJob(camunda, { jobKey: completing.jobKey });
  assert.equal(denied.isDenied, true);
  assert.equal(denied.deniedReason, 'needs a second approver');
});

test('400 Bad Request for a body the gateway cannot parse', async () => {
  // The official client cannot send an unknown property (its request schema is strict), so send
  // what it would send plus one with fetch, as a misbehaving tool would.
  const url = await demo;
  const camunda = client(url);
  const job = await firstJob(camunda, { type: 'check-address', state: 'CREATED' });
  const res = await fetch(`${url}/v2/jobs/${job.jobKey}/completion`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ variables: {}, unexpectedField: 123 }),
  });
  assert.equal(res.status, 400);
  assert.equal(res.headers.get('content-type'), 'application/problem+json');
  const problem = await res.json();
  assert.equal(problem.title, 'Bad Request');
  assert.equal(problem.detail, 'Request property [unexpectedField] cannot be parsed');
});

test('repair a FAILED job: update retries, resolve the incident, complete', async () => {
  const camunda = client(await demo);
  const job = await firstJob(camunda, { state: 'CREATED', type: 'reserve-stock' });
  await camunda.failJob({ jobKey: job.jobKey, retries: 0, errorMessage: 'warehouse API down' });
  let e = await httpError(camunda.completeJob({ jobKey: job.jobKey }));
  assert.equal(e.status, 409);
  await camunda.updateJob({ jobKey: job.jobKey, changeset: { retries: 2 } });
  const incidents = await camunda.searchIncidents({ filter: { jobKey: job.jobKey, state: 'ACTIVE' } }, NOW);
  assert.equal(incidents.items.length, 1);
  assert.equal(incidents.items[0].errorMessage, 'warehouse API down');
  await camunda.resolveIncident({ incidentKey: incidents.items[0].incidentKey });
  await camunda.completeJob({ jobKey: job.jobKey, variables: { reserved: true } });
  e = await httpError(camunda.completeJob({ jobKey: job.jobKey }));
  assert.equal(e.status, 404);
});

test('OAuth client credentials against --auth oauth', async () => {
  const url = await startSandbox(['--auth', 'oauth', '--generate', '10']);
  const oauth = {
    CAMUNDA_AUTH_STRATEGY: 'OAUTH',
    CAMUNDA_OAUTH_URL: `${url}/oauth/token`,
    CAMUNDA_CLIENT_ID: 'jobdesk-sandbox',
    CAMUNDA_CLIENT_SECRET: 'sandbox-secret',
    CAMUNDA_TOKEN_AUDIENCE: 'zeebe-api',
    CAMUNDA_OAUTH_RETRY_MAX: 1,
  };
  const camunda = client(url, oauth);
  const topology = await camunda.getTopology();
  assert.match(topology.gatewayVersion, /^8\.8\./);
  await camunda.completeJob({ jobKey: '2251799813685249', variables: { viaOAuth: true } });

  const anonymous = client(url);
  const e = await httpError(anonymous.completeJob({ jobKey: '2251799813685250' }));
  assert.equal(e.status, 401);
  assert.equal(e.title, 'Unauthorized');

  const wrong = client(url, { ...oauth, CAMUNDA_CLIENT_SECRET: 'not-the-secret' });
  await assert.rejects(wrong.getTopology());
});

test('Basic auth demo/demo against --auth basic', async () => {
  const url = await startSandbox(['--auth', 'basic', '--generate', '10']);
  const basic = client(url, {
    CAMUNDA_AUTH_STRATEGY: 'BASIC',
    CAMUNDA_BASIC_AUTH_USERNAME: 'demo',
    CAMUNDA_BASIC_AUTH_PASSWORD: 'demo',
  });
  await basic.completeJob({ jobKey: '2251799813685249' });
  const e = await httpError(
    client(url, { CAMUNDA_AUTH_STRATEGY: 'BASIC', CAMUNDA_BASIC_AUTH_USERNAME: 'demo', CAMUNDA_BASIC_AUTH_PASSWORD: 'x' })
      .completeJob({ jobKey: '2251799813685250' }),
  );
  assert.equal(e.status, 401);
});

test('503 RESOURCE_EXHAUSTED under --backpressure-rate 1', async () => {
  const url = await startSandbox(['--backpressure-rate', '1', '--generate', '10']);
  const e = await httpError(client(url).completeJob({ jobKey: '2251799813685249' }, { retry: false }));
  assert.equal(e.status, 503);
  assert.equal(e.title, 'RESOURCE_EXHAUSTED');
  assert.equal(e.detail, 'Reached maximum capacity of requests handled');
});
