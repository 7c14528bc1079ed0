// The contract test: a generic client that knows vnsearch only through the OpenAPI document it
// serves. It reads /api/openapi.json from a real vnsearchd, and for every operation sends the
// documented examples, values each parameter's schema forbids, writes without the token, bodies
// the document refuses, an over-long request line, an over-large head, and methods a path does
// not list; then, while another writer holds the index, every write. Every answer must have a
// documented status, the documented headers, a documented Content-Type, and a body that matches
// the documented schema — closed: a field the server sends and the document does not name fails.
//
// Environment (tests/contract/run.sh sets it): VNSEARCH_URL (vnsearchd with a token),
// VNSEARCH_TOKEN, VNSEARCH_READONLY_URL (vnsearchd on the same index without a token), and
// VNSEARCH_DB (the index, for the writer-lock step).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { exampleOf, isJsonMediaType, listOperations, loadDocument, mediaType, SchemaChecker } from './openapi.mjs';

const baseUrl = (process.env.VNSEARCH_URL || '').replace(/\/+$/, '');
const token = process.env.VNSEARCH_TOKEN || '';
const readonlyUrl = (process.env.VNSEARCH_READONLY_URL || '').replace(/\/+$/, '');
const database = process.env.VNSEARCH_DB || '';

const checker = new SchemaChecker();
let served; // the document as served
let operations; // listOperations of the dereferenced document, reads first, then writes
let securitySchemes;
// "METHOD path" → the statuses the server answered it with.
const seen = new Map();

const METHOD_ORDER = ['get', 'post', 'put', 'patch', 'delete'];
const label = ({ method, path }) => `${method.toUpperCase()} ${path}`;

before(async () => {
  assert.ok(baseUrl && token, 'VNSEARCH_URL and VNSEARCH_TOKEN must be set: run tests/contract/run.sh');
  const response = await fetch(`${baseUrl}/api/openapi.json`);
  assert.equal(response.status, 200);
  served = await response.json();
  const { dereferenced } = await loadDocument(served);
  securitySchemes = dereferenced.components?.securitySchemes || {};
  operations = listOperations(dereferenced).sort(
    (a, b) => METHOD_ORDER.indexOf(a.method) - METHOD_ORDER.indexOf(b.method),
  );
});

// ---- requests built from the document ------------------------------------------------------

// The URL of `entry` with its documented examples, `overrides` (name → value; undefined leaves
// a parameter out) applied; with `only`, the query holds those parameters alone.
function urlOf(entry, { overrides = {}, only, base = baseUrl } = {}) {
  let path = entry.path;
  const query = new URLSearchParams();
  for (const parameter of entry.parameters) {
    const value = parameter.name in overrides ? overrides[parameter.name] : exampleOf(parameter);
    if (parameter.in === 'path') {
      assert.notEqual(value, undefined, `${label(entry)}: path parameter ${parameter.name} has no example`);
      path = path.replace(`{${parameter.name}}`, encodeURIComponent(String(value)));
    } else if (parameter.in === 'query' && value !== undefined && (!only || only.includes(parameter.name))) {
      for (const item of Array.isArray(value) ? value : [value]) query.append(parameter.name, String(item));
    }
  }
  const search = query.toString();
  return `${base}${path}${search ? `?${search}` : ''}`;
}

// Whether `entry` needs the bearer token, by its security requirements.
function needsBearer(entry) {
  return (entry.operation.security || []).some((requirement) =>
    Object.keys(requirement).some((name) => {
      const scheme = securitySchemes[name];
      return scheme && scheme.type === 'http' && scheme.scheme.toLowerCase() === 'bearer';
    }),
  );
}

function authorization(entry, bearer = token) {
  return needsBearer(entry) && bearer !== null ? { Authorization: `Bearer ${bearer}` } : {};
}

// The request bodies the document gives as examples: [{type, text}].
function exampleBodies(entry) {
  const content = entry.operation.requestBody?.content || {};
  return Object.entries(content).map(([type, media]) => {
    const example = exampleOf(media);
    assert.notEqual(example, undefined, `${label(entry)}: request body ${type} has no example`);
    return { type, text: isJsonMediaType(type) ? JSON.stringify(example) : String(example) };
  });
}

function contentTypeHeader(type) {
  return type.startsWith('text/') ? `${type}; charset=utf-8` : type;
}

async function send(entry, { method = entry.method, url = urlOf(entry), headers = {}, body } = {}) {
  let response;
  for (let attempt = 1; !response; attempt += 1) {
    try {
      response = await fetch(url, {
        method: method.toUpperCase(),
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(15_000),
      });
    } catch (error) {
      // A kept-alive connection the server closed as idle just as it was reused: like any HTTP
      // client, retry a request that is safe to repeat, once, on a new connection.
      const closedUnderUs = ['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE'].includes(error.cause?.code);
      if (closedUnderUs && attempt === 1 && ['get', 'head'].includes(method.toLowerCase())) continue;
      const cause = error.cause ? ` (${error.cause.code || ''} ${error.cause.message || error.cause})` : '';
      throw new Error(`${method.toUpperCase()} ${url.slice(0, 200)}: ${error.message}${cause}`);
    }
  }
  return { status: response.status, headers: response.headers, text: await response.text(), url, method };
}

// One request written byte by byte on a new connection (for what fetch will not send: no body
// framing at all, a Content-Length with no body, an over-long head); the answer parsed.
function sendRaw(url, head) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname, port: Number(port) });
    const chunks = [];
    socket.setTimeout(15_000, () => socket.destroy(new Error(`no answer to ${head.slice(0, 80)}`)));
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', (error) => (chunks.length ? undefined : reject(error)));
    socket.on('close', () => {
      const answer = Buffer.concat(chunks).toString('utf8');
      const headEnd = answer.indexOf('\r\n\r\n');
      if (headEnd < 0) return reject(new Error(`no complete answer: ${JSON.stringify(answer.slice(0, 200))}`));
      const [statusLine, ...fields] = answer.slice(0, headEnd).split('\r\n');
      const headers = new Map();
      for (const field of fields) {
        const colon = field.indexOf(':');
        headers.set(field.slice(0, colon).trim().toLowerCase(), field.slice(colon + 1).trim());
      }
      const length = Number(headers.get('content-length') || 0);
      const body = Buffer.from(answer.slice(headEnd + 4), 'utf8').subarray(0, length).toString('utf8');
      resolve({
        status: Number(statusLine.split(' ')[1]),
        headers: { get: (name) => headers.get(name.toLowerCase()) ?? null },
        text: body,
        url,
        method: statusLine,
      });
    });
    socket.write(head);
  });
}

function rawHead(entry, { target, fields = {} }) {
  const { host } = new URL(baseUrl);
  const lines = [`${entry.method.toUpperCase()} ${target} HTTP/1.1`, `Host: ${host}`, 'Connection: close'];
  for (const [name, value] of Object.entries(fields)) lines.push(`${name}: ${value}`);
  return `${lines.join('\r\n')}\r\n\r\n`;
}

// ---- answers checked against the document --------------------------------------------------

// Checks `answer` to a request of `entry` against the document; returns the parsed body.
function check(entry, answer, { head = false } = {}) {
  const where = `${answer.method.toUpperCase?.() ?? answer.method} ${answer.url.slice(0, 160)} → ${answer.status}`;
  const responses = entry.operation.responses;
  const documented = responses[String(answer.status)] || responses.default;
  assert.ok(
    documented,
    `${where}: ${answer.status} is not documented for ${label(entry)} (documented: ` +
      `${Object.keys(responses).join(', ')}); body: ${answer.text.slice(0, 300)}`,
  );
  const key = label(entry);
  if (!seen.has(key)) seen.set(key, new Set());
  seen.get(key).add(String(answer.status));

  for (const [name, header] of Object.entries(documented.headers || {})) {
    const value = answer.headers.get(name);
    if (header.required) assert.notEqual(value, null, `${where}: documented header ${name} is missing`);
    if (value !== null && header.schema) {
      const typed = ['integer', 'number'].includes(header.schema.type) && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
      assert.deepEqual(checker.problems(header.schema, typed), [], `${where}: header ${name}: ${value}`);
    }
  }
  if (head) {
    assert.equal(answer.text, '', `${where}: a HEAD answer has a body`);
    return undefined;
  }
  if (!documented.content) {
    assert.equal(answer.text, '', `${where}: a body where the document has none`);
    return undefined;
  }
  const type = mediaType(answer.headers.get('content-type'));
  const media = documented.content[type];
  assert.ok(media, `${where}: Content-Type ${type} is not documented (${Object.keys(documented.content).join(', ')})`);
  let body = answer.text;
  if (isJsonMediaType(type)) {
    try {
      body = JSON.parse(answer.text);
    } catch {
      assert.fail(`${where}: ${type} but not JSON: ${answer.text.slice(0, 200)}`);
    }
  }
  if (media.schema) {
    const problems = checker.problems(media.schema, body, { closed: true });
    assert.deepEqual(problems, [], `${where}: the body does not match the documented schema; body: ${answer.text.slice(0, 400)}`);
  }
  return body;
}

const isSuccess = (status) => status >= 200 && status < 300;
const isClientError = (status) => status >= 400 && status < 500;

// The GET operation whose path template matches `path` (the most specific one).
function readOperationFor(path) {
  const matching = operations.filter((entry) => {
    if (entry.method !== 'get') return false;
    const pattern = entry.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '.+');
    return new RegExp(`^${pattern}$`).test(path);
  });
  return matching.sort((a, b) => b.path.replace(/\{[^}]+\}/g, '').length - a.path.replace(/\{[^}]+\}/g, '').length)[0];
}

// ---- the tests -----------------------------------------------------------------------------

test('the served document passes the validator and is searchd/openapi.json', () => {
  const sourcePath = fileURLToPath(new URL('../../searchd/openapi.json', import.meta.url));
  // Compared as canonical text, so that a difference is reported in one line, not a diff of
  // two whole documents.
  const canonical = (value) => JSON.stringify(value, (_key, item) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item);
  assert.ok(canonical(served) === canonical(JSON.parse(readFileSync(sourcePath, 'utf8'))),
    'the served document is not searchd/openapi.json: rebuild (make build)');
  assert.ok(operations.length > 0);
});

test('every operation answers its documented examples with a documented success', async (t) => {
  for (const entry of operations) {
    await t.test(label(entry), async () => {
      const bodies = exampleBodies(entry);
      if (bodies.length === 0) {
        // Every example at once, then each optional query parameter alone.
        const answer = await send(entry, { headers: authorization(entry) });
        check(entry, answer);
        assert.ok(isSuccess(answer.status), `${answer.url}: ${answer.status} ${answer.text.slice(0, 300)}`);
        for (const parameter of entry.parameters.filter((p) => p.in === 'query')) {
          const alone = await send(entry, { url: urlOf(entry, { only: [parameter.name] }), headers: authorization(entry) });
          check(entry, alone);
          assert.ok(isSuccess(alone.status), `${alone.url}: ${alone.status} ${alone.text.slice(0, 300)}`);
        }
        return;
      }
      for (const { type, text } of bodies) {
        const answer = await send(entry, {
          headers: { ...authorization(entry), 'Content-Type': contentTypeHeader(type) },
          body: text,
        });
        check(entry, answer);
        assert.ok(isSuccess(answer.status), `${type}: ${answer.status} ${answer.text.slice(0, 300)}`);
        // What a write points to can be read back, as the document describes it.
        const location = answer.headers.get('location');
        if (location) {
          const reader = readOperationFor(location);
          assert.ok(reader, `Location ${location} names no documented GET`);
          const readBack = await send(reader, { method: 'get', url: `${baseUrl}${location}` });
          check(reader, readBack);
          assert.equal(readBack.status, 200, `GET ${location}: ${readBack.text.slice(0, 200)}`);
        }
      }
    });
  }
});

test('HEAD answers as GET does, without a body', async () => {
  for (const entry of operations.filter((e) => e.method === 'get')) {
    const get = await send(entry);
    const head = await send(entry, { method: 'head' });
    assert.equal(head.status, get.status, label(entry));
    check(entry, head, { head: true });
  }
});

// Values a parameter's schema forbids, [description, value].
function forbiddenValues(parameter) {
  const schema = parameter.schema || {};
  const values = [];
  const scalar = (itemSchema, wrap) => {
    if (itemSchema.enum) values.push([`not in ${itemSchema.enum.join('|')}`, wrap('zz-not-listed')]);
    if (itemSchema.type === 'integer') {
      values.push(['not a whole number', wrap('1.5')]);
      if (itemSchema.maximum !== undefined) values.push([`above ${itemSchema.maximum}`, wrap(itemSchema.maximum + 1)]);
      if (itemSchema.minimum !== undefined) values.push([`below ${itemSchema.minimum}`, wrap(itemSchema.minimum - 1)]);
    }
    if (itemSchema.format === 'date') values.push(['not a date', wrap('2024-02-30')]);
    if (itemSchema.maxLength !== undefined) values.push([`over ${itemSchema.maxLength} long`, wrap('a'.repeat(itemSchema.maxLength + 1))]);
  };
  if (schema.type === 'array') {
    scalar(schema.items || {}, (value) => [value]);
    const example = exampleOf(parameter);
    if (schema.maxItems !== undefined && Array.isArray(example) && example.length > 0) {
      values.push([`more than ${schema.maxItems} values`, Array.from({ length: schema.maxItems + 1 }, (_, i) => `${example[0]} ${i}`)]);
    }
  } else {
    scalar(schema, (value) => value);
  }
  return values;
}

test('values the schemas forbid get a documented 4xx with the error schema', async (t) => {
  for (const entry of operations) {
    const parameters = entry.parameters.filter((p) => p.in === 'query' || (p.in === 'path' && entry.method === 'get'));
    if (!parameters.some((p) => forbiddenValues(p).length > 0)) continue;
    await t.test(label(entry), async () => {
      for (const parameter of parameters) {
        for (const [why, value] of forbiddenValues(parameter)) {
          const url = urlOf(entry, { overrides: { [parameter.name]: value }, only: [parameter.name] });
          const answer = await send(entry, { url, headers: authorization(entry) });
          check(entry, answer);
          assert.ok(isClientError(answer.status), `${parameter.name} ${why}: ${answer.status} ${answer.text.slice(0, 200)}`);
        }
      }
    });
  }
});

test('a path naming nothing gets 404 where the document says so', async () => {
  let probed = 0;
  for (const entry of operations) {
    const names = entry.parameters.filter((p) => p.in === 'path' && !p.schema?.enum).map((p) => p.name);
    if (names.length === 0 || !entry.operation.responses['404'] || !['get', 'delete'].includes(entry.method)) continue;
    const overrides = Object.fromEntries(names.map((name) => [name, `contract-missing-${process.pid}`]));
    const answer = await send(entry, { url: urlOf(entry, { overrides, only: [] }), headers: authorization(entry) });
    check(entry, answer);
    assert.equal(answer.status, 404, `${answer.url}: ${answer.text.slice(0, 200)}`);
    probed += 1;
  }
  assert.ok(probed > 0);
});

test('writes without the token, with a wrong one, and where writes are disabled', async (t) => {
  assert.ok(readonlyUrl, 'VNSEARCH_READONLY_URL must be set');
  for (const entry of operations.filter(needsBearer)) {
    await t.test(label(entry), async () => {
      const body = exampleBodies(entry)[0];
      const request = (bearer, base) => ({
        url: urlOf(entry, { base }),
        headers: { ...authorization(entry, bearer), ...(body ? { 'Content-Type': contentTypeHeader(body.type) } : {}) },
        body: body?.text,
      });
      const none = await send(entry, request(null, baseUrl));
      check(entry, none);
      assert.equal(none.status, 401, none.text);
      const wrong = await send(entry, request(`${token}x`, baseUrl));
      check(entry, wrong);
      assert.equal(wrong.status, 401, wrong.text);
      const disabled = await send(entry, request(token, readonlyUrl));
      check(entry, disabled);
      assert.equal(disabled.status, 403, disabled.text);
    });
  }
});

test('write bodies the document refuses', async (t) => {
  for (const entry of operations.filter((e) => e.operation.requestBody)) {
    await t.test(label(entry), async () => {
      const target = new URL(urlOf(entry)).pathname;
      const auth = authorization(entry);
      const content = entry.operation.requestBody.content;
      const responses = entry.operation.responses;
      const expectStatus = async (answerPromise, status, why) => {
        const answer = await answerPromise;
        check(entry, answer);
        assert.equal(answer.status, status, `${why}: ${answer.text.slice(0, 200)}`);
      };
      if (responses['411']) {
        await expectStatus(
          sendRaw(baseUrl, rawHead(entry, { target, fields: { ...auth, 'Content-Type': 'text/plain' } })),
          411, 'no body');
      }
      if (responses['415']) {
        await expectStatus(
          send(entry, { headers: { ...auth, 'Content-Type': 'application/xml' }, body: '<article/>' }),
          415, 'an undocumented Content-Type');
      }
      for (const [type, media] of Object.entries(content)) {
        const schema = media.schema || {};
        const sendBody = (text) => send(entry, { headers: { ...auth, 'Content-Type': contentTypeHeader(type) }, body: text });
        if (schema.maxLength !== undefined && responses['413']) {
          // Refused from its Content-Length, before a byte of it is sent.
          const fields = { ...auth, 'Content-Type': contentTypeHeader(type), 'Content-Length': String(schema.maxLength + 1) };
          await expectStatus(sendRaw(baseUrl, rawHead(entry, { target, fields })), 413, `${type} over maxLength`);
        }
        if (schema.minLength !== undefined) {
          await expectStatus(sendBody(''), 400, `${type} empty`);
        }
        if (isJsonMediaType(type) && schema.type === 'object') {
          const example = exampleOf(media);
          await expectStatus(sendBody('{"unterminated'), 400, `${type} not JSON`);
          if (schema.additionalProperties === false) {
            await expectStatus(sendBody(JSON.stringify({ ...example, zz_undocumented: 'x' })), 400, 'an undocumented field');
          }
          for (const name of schema.required || []) {
            const { [name]: _left_out, ...rest } = example;
            await expectStatus(sendBody(JSON.stringify(rest)), 400, `without ${name}`);
          }
          for (const [name, property] of Object.entries(schema.properties || {})) {
            if (property.format === 'date') {
              await expectStatus(sendBody(JSON.stringify({ ...example, [name]: '2024-02-30' })), 400, `${name} not a date`);
            }
          }
        }
      }
    });
  }
});

test('an over-long request line gets 414 and an over-large head 431, on every operation', async () => {
  for (const entry of operations) {
    const url = new URL(urlOf(entry));
    const target = `${url.pathname}${url.search ? `${url.search}&` : '?'}zz=${'a'.repeat(9000)}`;
    const longLine = await sendRaw(baseUrl, rawHead(entry, { target }));
    check(entry, longLine);
    assert.equal(longLine.status, 414, label(entry));
    const bigHead = await sendRaw(baseUrl, rawHead(entry, { target: `${url.pathname}${url.search}`, fields: { 'X-Padding': 'a'.repeat(17000) } }));
    check(entry, bigHead);
    assert.equal(bigHead.status, 431, label(entry));
  }
});

test('a method a path does not list gets 405 with Allow naming those it does', async (t) => {
  const { dereferenced } = await loadDocument(served);
  const methodNotAllowed = dereferenced.components.responses.MethodNotAllowed;
  const pseudo = (path) => ({ path, method: 'any', operation: { responses: { 405: methodNotAllowed } }, parameters: [] });
  for (const [path, item] of Object.entries(dereferenced.paths)) {
    const listed = ['get', 'put', 'post', 'delete', 'patch'].filter((method) => item[method]);
    const allowed = new Set(listed.map((m) => m.toUpperCase()));
    if (allowed.has('GET')) allowed.add('HEAD');
    const sample = operations.find((e) => e.path === path);
    await t.test(path, async () => {
      for (const method of ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'].filter((m) => !allowed.has(m))) {
        const answer = await send(sample, { method, url: urlOf(sample) });
        check(pseudo(path), answer);
        assert.equal(answer.status, 405, `${method} ${path}`);
        const allow = new Set(answer.headers.get('allow').split(',').map((m) => m.trim()));
        assert.deepEqual([...allow].sort(), [...allowed].sort(), `${method} ${path}: Allow`);
      }
    });
  }
});

test('writes while another writer holds the index get 503 with Retry-After', async (t) => {
  assert.ok(database, 'VNSEARCH_DB must be set');
  // A POSIX lock on the index's lock file, as vnsearch-index holds it while it runs.
  const holder = spawn('python3', ['-c', `
import fcntl, os, sys
lock = open(os.path.join(os.path.realpath(sys.argv[1]), "flintlock"), "a+")
fcntl.lockf(lock, fcntl.LOCK_EX)
print("locked", flush=True)
sys.stdin.read()
`, database], { stdio: ['pipe', 'pipe', 'inherit'] });
  try {
    await new Promise((resolve, reject) => {
      holder.stdout.once('data', resolve);
      holder.once('exit', (code) => reject(new Error(`the lock holder exited (${code})`)));
    });
    for (const entry of operations.filter(needsBearer)) {
      await t.test(label(entry), async () => {
        const body = exampleBodies(entry)[0];
        const answer = await send(entry, {
          headers: { ...authorization(entry), ...(body ? { 'Content-Type': contentTypeHeader(body.type) } : {}) },
          body: body?.text,
        });
        check(entry, answer);
        assert.equal(answer.status, 503, answer.text);
      });
    }
  } finally {
    holder.stdin.end();
    holder.kill();
  }
});

test('every operation succeeded, and every refusal an operator relies on was seen', (t) => {
  const all = new Set([...seen.values()].flatMap((statuses) => [...statuses]));
  for (const entry of operations) {
    const statuses = seen.get(label(entry)) || new Set();
    assert.ok([...statuses].some((status) => status.startsWith('2')), `${label(entry)} never succeeded`);
    const unseen = Object.keys(entry.operation.responses).filter((status) => !statuses.has(status));
    if (unseen.length) t.diagnostic(`${label(entry)}: documented, not caused here: ${unseen.join(', ')}`);
  }
  for (const status of ['400', '401', '403', '404', '405', '411', '413', '414', '415', '431', '503']) {
    assert.ok(all.has(status), `no request was answered ${status}`);
  }
});
