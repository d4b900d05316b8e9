/**
 * schema/traguardo.schema.json is generated from the zod schemas and committed. This test fails
 * when it is stale: regenerate it with `npm run schema`, or with
 * `UPDATE_SCHEMA=1 npx jest test/schema/jsonSchema.test.ts`.
 */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { interchangeJsonSchema, JSON_SCHEMA_ID } from '../../src/schema/zod';

const FILE = join(__dirname, '..', '..', 'schema', 'traguardo.schema.json');
const generated = `${JSON.stringify(interchangeJsonSchema(), null, 2)}\n`;

test('the committed JSON Schema is the one generated from the zod schemas (else run `npm run schema`)', () => {
  if (process.env.UPDATE_SCHEMA === '1') writeFileSync(FILE, generated);
  const committed = readFileSync(FILE, 'utf8');
  if (committed !== generated) throw new Error('schema/traguardo.schema.json is out of date: run `npm run schema`');
});

test('the JSON Schema is draft 2020-12 with an id, a title and the format constant', () => {
  const schema = interchangeJsonSchema() as { $schema: string; $id: string; title: string; properties: Record<string, unknown>; required: string[] };
  expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  expect(schema.$id).toBe(JSON_SCHEMA_ID);
  expect(schema.title).toBe('Traguardo: piano della performance (traguardo/1)');
  expect(schema.properties.format).toEqual({ type: 'string', const: 'traguardo/1' });
  expect(schema.required).toEqual(['format']);
});
