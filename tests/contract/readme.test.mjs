// The README's "From your own code" examples, run as written against a real vnsearchd, so that
// the README cannot drift from the API. Each example is the fenced block after a line
// `<!-- example: NAME -->`; the only change made to it is the server's address
// (http://127.0.0.1:8080 → the test server's). Writes read the token from VNSEARCH_TOKEN, as the
// README says.
//
// Environment (tests/contract/run.sh sets it): VNSEARCH_URL, VNSEARCH_TOKEN.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const baseUrl = (process.env.VNSEARCH_URL || '').replace(/\/+$/, '');
const token = process.env.VNSEARCH_TOKEN || '';
const README_ADDRESS = 'http://127.0.0.1:8080';
const SEARCHED_ARTICLE = '000_2bc41360e3854d8f'; // corpus/: Đại hội Chi bộ, Bộ TN&MT, 2022-2025
const WRITTEN_ARTICLE = 'examples/dai-hoi-chi-bo-vu-phap-che';

const readmePath = fileURLToPath(new URL('../../README.md', import.meta.url));
const examples = new Map();
for (const [, name, language, code] of readFileSync(readmePath, 'utf8').matchAll(
  /^<!-- example: ([\w-]+) -->\n```(\w+)\n([\s\S]*?)\n```$/gm,
)) {
  examples.set(name, { language, code });
}

const scratch = mkdtempSync(path.join(os.tmpdir(), 'vnsearch-readme-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

// Runs example `name` against the test server with `bearer` as VNSEARCH_TOKEN; returns what it
// printed, or rejects with it when the example exits non-zero.
function run(name, bearer = token) {
  const example = examples.get(name);
  assert.ok(example, `README.md has no example "${name}"`);
  assert.ok(example.code.includes(README_ADDRESS), `${name} does not use ${README_ADDRESS}`);
  const code = example.code.replaceAll(README_ADDRESS, baseUrl);
  const file = path.join(scratch, `${name}.${{ sh: 'sh', python: 'py', javascript: 'mjs' }[example.language]}`);
  writeFileSync(file, code);
  const command = { sh: ['bash', ['-eo', 'pipefail', file]], python: ['python3', [file]], javascript: ['node', [file]] }[
    example.language
  ];
  assert.ok(command, `${name}: no way to run ${example.language}`);
  return new Promise((resolve, reject) => {
    execFile(command[0], command[1], { env: { ...process.env, VNSEARCH_TOKEN: bearer }, timeout: 30_000 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${name} failed (${error.code}): ${stderr}${stdout}`));
        else resolve(stdout);
      });
  });
}

async function getJson(pathAndQuery) {
  const response = await fetch(`${baseUrl}${pathAndQuery}`);
  return { status: response.status, body: await response.json() };
}

test('README.md marks the search and write examples in curl, Python and JavaScript', () => {
  assert.ok(baseUrl && token, 'VNSEARCH_URL and VNSEARCH_TOKEN must be set: run tests/contract/run.sh');
  assert.deepEqual([...examples.keys()].sort(), [
    'search-curl', 'search-javascript', 'search-python', 'write-curl', 'write-javascript', 'write-python',
  ]);
});

test('the curl search prints the API answer with the filtered article', async () => {
  const answer = JSON.parse(await run('search-curl'));
  assert.equal(answer.total, 1);
  assert.equal(answer.hits[0].id, SEARCHED_ARTICLE);
  assert.deepEqual(answer.facets.term.filter((value) => value.selected).map((value) => value.value), ['2022-2025']);
});

for (const name of ['search-python', 'search-javascript']) {
  test(`the ${name.split('-')[1]} search prints the filtered article`, async () => {
    const lines = (await run(name)).trim().split('\n');
    assert.equal(lines[0], '1 articles');
    assert.match(lines[1], new RegExp(`^2022-09-27 ${SEARCHED_ARTICLE} Chi bộ Vụ Khoa học và Công nghệ`));
  });
}

for (const [index, name] of ['write-curl', 'write-python', 'write-javascript'].entries()) {
  test(`the ${name.split('-')[1]} write stores the article, found right after`, async () => {
    const printed = (await run(name)).trim();
    // The first write creates the article, the others replace it.
    const expected = index === 0 ? 201 : 200;
    const shown = name === 'write-curl' ? `{"id":"${WRITTEN_ARTICLE}"} ${expected}` : `${WRITTEN_ARTICLE} ${expected}`;
    assert.equal(printed, shown);
    const article = await getJson(`/api/articles/${WRITTEN_ARTICLE}`);
    assert.equal(article.status, 200);
    assert.equal(article.body.title, 'Đại hội Chi bộ Vụ Pháp chế nhiệm kỳ 2025 - 2030');
    assert.equal(article.body.date, '2025-03-14');
    const found = await getJson('/api/search?q=%22chi+bo+vu+phap+che%22');
    assert.equal(found.body.hits[0]?.id, WRITTEN_ARTICLE);
  });
}

test('a write with a wrong token exits non-zero with the reason', async () => {
  try {
    for (const name of ['write-curl', 'write-python', 'write-javascript']) {
      await assert.rejects(run(name, `${token}-wrong`), /401|wrong token/, name);
    }
  } finally {
    const response = await fetch(`${baseUrl}/api/articles/${WRITTEN_ARTICLE}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${token}` },
    });
    assert.equal(response.status, 204);
  }
});
