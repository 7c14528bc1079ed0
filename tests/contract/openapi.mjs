// openapi: what the contract tests know of an OpenAPI 3.0 document — loading it through the
// standard validator (@apidevtools/swagger-parser), listing its operations, and checking values
// against its schemas with Ajv. Nothing here knows vnsearch: it works from the document alone.
import SwaggerParser from '@apidevtools/swagger-parser';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

// Validates `document` (an object; it is not modified) with swagger-parser, which throws with
// every problem it finds, and returns {document, dereferenced}: the document as given, and a
// copy in which every $ref is replaced by what it points to.
export async function loadDocument(document) {
  await SwaggerParser.validate(structuredClone(document));
  const dereferenced = await SwaggerParser.dereference(structuredClone(document));
  return { document, dereferenced };
}

// Every operation of a dereferenced document: {path, method, operation, parameters}, where
// parameters merges the path item's with the operation's (the operation's win).
export function listOperations(dereferenced) {
  const operations = [];
  for (const [path, pathItem] of Object.entries(dereferenced.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (!operation) continue;
      const byKey = new Map();
      for (const parameter of [...(pathItem.parameters || []), ...(operation.parameters || [])]) {
        byKey.set(`${parameter.in}:${parameter.name}`, parameter);
      }
      operations.push({ path, method, operation, parameters: [...byKey.values()] });
    }
  }
  return operations;
}

// The example a parameter, media type or schema documents, or undefined: `example`, else the
// first of `examples`, else the schema's `example`.
export function exampleOf(holder) {
  if (!holder) return undefined;
  if (holder.example !== undefined) return holder.example;
  if (holder.examples) {
    const first = Object.values(holder.examples)[0];
    if (first && first.value !== undefined) return first.value;
  }
  if (holder.schema && holder.schema.example !== undefined) return holder.schema.example;
  return undefined;
}

// `schema` with allOf merged into one object schema, and — when `closed` — every object schema
// that lists properties made to refuse others (additionalProperties: false). A closed check
// finds fields the server sends that the document does not name; the document itself stays
// open, as clients should ignore fields they do not know.
function prepareSchema(schema, closed, memo = new Map()) {
  if (schema === null || typeof schema !== 'object') return schema;
  if (memo.has(schema)) return memo.get(schema);
  let prepared;
  if (Array.isArray(schema)) {
    prepared = schema.map((item) => prepareSchema(item, closed, memo));
  } else {
    prepared = {};
    let source = schema;
    if (schema.allOf) {
      source = { ...schema };
      delete source.allOf;
      source.properties = { ...(schema.properties || {}) };
      source.required = [...(schema.required || [])];
      for (const part of schema.allOf) {
        if (part.type) source.type = part.type;
        Object.assign(source.properties, part.properties || {});
        source.required.push(...(part.required || []));
      }
      source.required = [...new Set(source.required)];
    }
    for (const [key, value] of Object.entries(source)) {
      if (key === 'example' || key === 'examples') continue; // not JSON Schema keywords
      if (key === 'properties') {
        prepared.properties = Object.fromEntries(
          Object.entries(value).map(([name, property]) => [name, prepareSchema(property, closed, memo)]),
        );
      } else if (['items', 'additionalProperties', 'not'].includes(key) || ['oneOf', 'anyOf'].includes(key)) {
        prepared[key] = prepareSchema(value, closed, memo);
      } else {
        prepared[key] = value;
      }
    }
    if (closed && prepared.properties && prepared.additionalProperties === undefined) {
      prepared.additionalProperties = false;
    }
  }
  memo.set(schema, prepared);
  return prepared;
}

// Checks values against OpenAPI 3.0 schemas (from a dereferenced document).
export class SchemaChecker {
  constructor() {
    this.ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: true });
    addFormats(this.ajv);
    this.compiled = new Map(); // schema object → {open, closed} validators
  }

  // A list of problems ("/hits/0/title: must be string"), empty when `value` matches `schema`.
  // `closed`: also refuse properties the schema does not list.
  problems(schema, value, { closed = false } = {}) {
    let entry = this.compiled.get(schema);
    if (!entry) {
      entry = {};
      this.compiled.set(schema, entry);
    }
    const kind = closed ? 'closed' : 'open';
    if (!entry[kind]) entry[kind] = this.ajv.compile(prepareSchema(schema, closed));
    const validate = entry[kind];
    if (validate(value)) return [];
    return validate.errors.map((error) => {
      const extra = error.params && error.params.additionalProperty ? ` (${error.params.additionalProperty})` : '';
      return `${error.instancePath || '/'}: ${error.message}${extra}`;
    });
  }
}

// The media type of a Content-Type header value, lower-cased, without parameters.
export function mediaType(contentType) {
  return (contentType || '').split(';')[0].trim().toLowerCase();
}

export function isJsonMediaType(type) {
  return type === 'application/json' || type.endsWith('+json');
}
