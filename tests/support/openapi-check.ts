/**
 * Checks a real answer against the OpenAPI document: the status must be one the
 * operation documents, with the answer's media type, and the body must validate
 * (JSON Schema 2020-12, the dialect of OpenAPI 3.1, with ajv) against that
 * response's schema. The document's $refs resolve inside it.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { openApiDocument } from '@/lib/api/openapi/document';

const DOC_ID = 'openapi.json';
const document = openApiDocument();
// strict: false — the document root and schema annotations (example, x-…) are not JSON Schema keywords.
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema({ ...structuredClone(document), $id: DOC_ID } as object);

const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

export interface Answer {
  status: number;
  body: unknown;
  headers: Headers;
}

/** Throws, saying why, unless `answer` is documented for `method path` and its body fits the schema. */
export function expectDocumented(method: string, path: string, answer: Answer): void {
  const operation = (document.paths?.[path] as Record<string, any> | undefined)?.[method.toLowerCase()];
  if (!operation) throw new Error(`${method} ${path} is not in the OpenAPI document`);
  const response = operation.responses?.[String(answer.status)];
  if (!response) throw new Error(`${method} ${path} answered ${answer.status}, which the document does not list`);
  const type = (answer.headers.get('content-type') ?? '').split(';')[0]!.trim();
  if (!response.content) {
    if (answer.body !== null && answer.body !== '') throw new Error(`${method} ${path} ${answer.status}: a body the document does not describe`);
    return;
  }
  if (!response.content[type]) throw new Error(`${method} ${path} ${answer.status}: media type ${type} is not documented`);
  const ref = `${DOC_ID}#/${pointer('paths', path, method.toLowerCase(), 'responses', String(answer.status), 'content', type, 'schema')}`;
  const validate = ajv.getSchema(ref);
  if (!validate) throw new Error(`no schema at ${ref}`);
  if (!validate(answer.body)) {
    throw new Error(`${method} ${path} ${answer.status} does not match the document: ${ajv.errorsText(validate.errors, { separator: '\n' })}`);
  }
}

/** All operations, as `METHOD path`, for "every route was called" checks. */
export function documentedOperations(): string[] {
  return Object.entries(document.paths ?? {}).flatMap(([path, item]) => Object.keys(item as object).map((m) => `${m.toUpperCase()} ${path}`));
}
