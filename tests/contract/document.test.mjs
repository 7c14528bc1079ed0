// The OpenAPI document as written (searchd/openapi.json, compiled into vnsearchd): it passes a
// standard validator, its schemas compile, and every example it gives matches its own schema —
// the examples are what the contract test sends, and what a reader copies.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { exampleOf, listOperations, loadDocument, SchemaChecker } from './openapi.mjs';

const documentPath = fileURLToPath(new URL('../../searchd/openapi.json', import.meta.url));
const source = JSON.parse(readFileSync(documentPath, 'utf8'));

test('searchd/openapi.json passes @apidevtools/swagger-parser validation', async () => {
  await loadDocument(source); // throws with the validator's findings
});

test('every schema compiles and every example matches its schema', async () => {
  const { dereferenced } = await loadDocument(source);
  const checker = new SchemaChecker();
  const problems = [];
  const check = (where, schema, example) => {
    if (example === undefined || schema === undefined) return;
    for (const problem of checker.problems(schema, example)) problems.push(`${where}: ${problem}`);
  };
  for (const [name, schema] of Object.entries(dereferenced.components.schemas)) {
    checker.problems(schema, null); // compiles it (a bad pattern or keyword throws)
    check(`components.schemas.${name}.example`, schema, schema.example);
  }
  for (const { path, method, operation, parameters } of listOperations(dereferenced)) {
    const where = `${method.toUpperCase()} ${path}`;
    for (const parameter of parameters) {
      const example = exampleOf(parameter);
      if (example === undefined) problems.push(`${where}: parameter ${parameter.name} has no example`);
      check(`${where} parameter ${parameter.name}`, parameter.schema, example);
    }
    for (const [type, media] of Object.entries(operation.requestBody?.content || {})) {
      const example = exampleOf(media);
      if (example === undefined) problems.push(`${where}: request body ${type} has no example`);
      check(`${where} request body ${type}`, media.schema, example);
    }
    for (const [status, response] of Object.entries(operation.responses)) {
      for (const [type, media] of Object.entries(response.content || {})) {
        check(`${where} ${status} ${type}`, media.schema, exampleOf(media));
      }
      for (const [name, header] of Object.entries(response.headers || {})) {
        check(`${where} ${status} header ${name}`, header.schema, exampleOf(header));
      }
    }
  }
  assert.deepEqual(problems, []);
});

test('writes, and only writes, need the bearer token', async () => {
  const { dereferenced } = await loadDocument(source);
  const scheme = dereferenced.components.securitySchemes.bearerAuth;
  assert.equal(scheme.type, 'http');
  assert.equal(scheme.scheme, 'bearer');
  for (const { path, method, operation } of listOperations(dereferenced)) {
    const secured = (operation.security || []).some((requirement) => 'bearerAuth' in requirement);
    assert.equal(secured, method !== 'get', `${method.toUpperCase()} ${path}`);
  }
});
