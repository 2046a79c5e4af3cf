/**
 * Compiles one OCSF event class from a checkout of the ocsf/ocsf-schema repository (a tree of dictionary, event,
 * object and profile JSON, not JSON Schema) into a self-contained JSON Schema (draft-07) that `ajv` validates against
 * offline. Written for the Compliance Finding class (2003) srm-scan exports; run again when the OCSF version moves:
 *
 *   git -C ocsf-schema archive 1.8.0 | tar -x -C /tmp/ocsf-1.8.0
 *   npx tsx scripts/ocsf-schema-fragment.ts /tmp/ocsf-1.8.0 compliance_finding <commit> > test/fixtures/ocsf/compliance_finding-1.8.0.schema.json
 *
 * What it models: the class's attributes after `extends` (base_event → finding → class) and `$include`d profiles,
 * each attribute's type (scalar types reduced to their JSON base type; objects as `$ref`s, recursively, cycles
 * included), arrays, integer enums (`*_id` values, merged from the dictionary, the parents and the class), the
 * `required` attributes (profile attributes are required only where their profile applies, so never here), the
 * objects' `at_least_one` / `just_one` constraints, the attributes a profile requires when `metadata.profiles` names it, and no attribute outside the schema (`additionalProperties:
 * false`, except for the free-form `object` type). Not modelled: data-type regexes and ranges, the `_dt` siblings of the
 * datetime profile, extensions.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

type Json = Record<string, unknown>;
interface AttributeSpec {
  type?: string;
  is_array?: boolean;
  enum?: Record<string, unknown>;
  requirement?: string;
  profile?: string | null;
  [key: string]: unknown;
}
interface Definition {
  name: string;
  extends?: string;
  uid?: number;
  category?: string;
  attributes: Record<string, AttributeSpec> & { $include?: string[] };
  constraints?: { at_least_one?: string[]; just_one?: string[] };
}

const [rootArgument, classArgument, commit] = process.argv.slice(2);
if (!rootArgument || !classArgument) {
  process.stderr.write('usage: ocsf-schema-fragment.ts <ocsf-schema checkout> <class name> [commit]\n');
  process.exit(2);
}
const root: string = rootArgument;
const className: string = classArgument;

const read = (path: string): Json => JSON.parse(readFileSync(join(root, path), 'utf8')) as Json;
const version = (read('version.json') as { version: string }).version;
const dictionary = read('dictionary.json') as {
  attributes: Record<string, AttributeSpec>;
  types: { attributes: Record<string, { type?: string }> };
};
const categories = read('categories.json') as { attributes: Record<string, { uid: number }> };

function filesUnder(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? filesUnder(join(dir, entry.name))
      : entry.name.endsWith('.json')
        ? [join(dir, entry.name)]
        : [],
  );
}
const byName = (dir: string): Map<string, string> =>
  new Map(filesUnder(dir).map((path) => [(read(path) as { name: string }).name, path]));
const events = byName('events');
const objects = byName('objects');

/** An attribute merged over another: later fields win, enums are united. */
function mergeAttribute(base: AttributeSpec | undefined, over: AttributeSpec): AttributeSpec {
  const merged: AttributeSpec = { ...base, ...over };
  if (base?.enum || over.enum) merged.enum = { ...base?.enum, ...over.enum };
  return merged;
}

/** A definition's own attributes with its `$include`d files (profiles) expanded, tagged with their profile. */
function ownAttributes(definition: Definition): Record<string, AttributeSpec> {
  const { $include = [], ...attributes } = definition.attributes;
  const result: Record<string, AttributeSpec> = {};
  for (const path of $include) {
    const included = read(path) as unknown as Definition & { meta?: string };
    for (const [name, spec] of Object.entries(included.attributes)) {
      result[name] = mergeAttribute(result[name], {
        ...(included.meta === 'profile' && { profile: included.name }),
        ...spec,
      });
    }
  }
  for (const [name, spec] of Object.entries(attributes)) result[name] = mergeAttribute(result[name], spec);
  return result;
}

interface Resolved {
  attributes: Record<string, AttributeSpec>;
  constraints?: Definition['constraints'];
  chain: Definition[];
}

function resolve(kind: Map<string, string>, name: string): Resolved {
  const path = kind.get(name);
  if (!path) throw new Error(`no definition named ${name}`);
  const definition = read(path) as unknown as Definition;
  const parent = definition.extends ? resolve(kind, definition.extends) : undefined;
  const attributes: Record<string, AttributeSpec> = { ...parent?.attributes };
  for (const [attribute, spec] of Object.entries(ownAttributes(definition))) {
    attributes[attribute] = mergeAttribute(attributes[attribute], spec);
  }
  const constraints = definition.constraints ?? parent?.constraints;
  return { attributes, ...(constraints && { constraints }), chain: [...(parent?.chain ?? []), definition] };
}

/** The JSON base type of an OCSF scalar type, following `string_t` ← `resource_uid_t` chains. */
function baseType(type: string): Json {
  let current = type;
  for (let i = 0; i < 10; i += 1) {
    switch (current) {
      case 'string_t':
        return { type: 'string' };
      case 'integer_t':
      case 'long_t':
        return { type: 'integer' };
      case 'float_t':
        return { type: 'number' };
      case 'boolean_t':
        return { type: 'boolean' };
      case 'json_t':
        return {};
    }
    const next = dictionary.types.attributes[current]?.type;
    if (!next) throw new Error(`unknown data type ${current}`);
    current = next;
  }
  throw new Error(`data type chain too long at ${type}`);
}

const definitions: Record<string, Json> = {};
/** Objects queued for compiling, marked when first referenced so a self-referencing object is compiled once. */
const seen = new Set<string>();
const pending: string[] = [];
const refTo = (object: string): Json => {
  if (!seen.has(object)) {
    seen.add(object);
    pending.push(object);
  }
  return { $ref: `#/definitions/${object}` };
};

function attributeSchema(name: string, spec: AttributeSpec): Json {
  const type = spec.type ?? dictionary.attributes[name]?.type;
  if (!type) throw new Error(`attribute ${name} has no type`);
  let schema: Json;
  if (type === 'object') schema = { type: 'object' };
  else if (type.endsWith('_t')) schema = baseType(type);
  else schema = refTo(type);
  if (spec.enum && schema.type === 'integer') {
    schema = {
      ...schema,
      enum: Object.keys(spec.enum)
        .map(Number)
        .sort((a, b) => a - b),
    };
  }
  return spec.is_array ? { type: 'array', items: schema } : schema;
}

function objectSchema(resolved: Resolved, overrides: Record<string, Json> = {}, event = false): Json {
  const properties: Record<string, Json> = {};
  const required: string[] = [];
  const requiredByProfile = new Map<string, string[]>();
  for (const [name, own] of Object.entries(resolved.attributes).sort(([a], [b]) => a.localeCompare(b))) {
    const spec = mergeAttribute(dictionary.attributes[name], own);
    properties[name] = overrides[name] ?? attributeSchema(name, spec);
    if (spec.requirement !== 'required') continue;
    if (!spec.profile) required.push(name);
    else requiredByProfile.set(spec.profile, [...(requiredByProfile.get(spec.profile) ?? []), name]);
  }
  const schema: Json = { type: 'object', properties, additionalProperties: false };
  if (required.length > 0) schema.required = required;
  // An event that declares a profile in metadata.profiles must carry that profile's required attributes.
  if (event && requiredByProfile.size > 0) {
    schema.allOf = [...requiredByProfile].map(([profile, names]) => ({
      if: {
        properties: {
          metadata: { properties: { profiles: { contains: { const: profile } } }, required: ['profiles'] },
        },
      },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword, never awaited.
      then: { required: names },
    }));
  }
  const { at_least_one: atLeastOne, just_one: justOne } = resolved.constraints ?? {};
  if (atLeastOne) schema.anyOf = atLeastOne.map((name) => ({ required: [name] }));
  if (justOne) schema.oneOf = justOne.map((name) => ({ required: [name] }));
  return schema;
}

const eventClass = resolve(events, className);
const leaf = eventClass.chain.at(-1) as Definition;
const category = eventClass.chain.map((d) => d.category).findLast(Boolean);
const categoryUid = category ? categories.attributes[category]?.uid : undefined;
if (leaf.uid === undefined || categoryUid === undefined) throw new Error(`${className} has no class or category uid`);
const classUid = categoryUid * 1000 + leaf.uid;
const activities = Object.keys(
  mergeAttribute(dictionary.attributes.activity_id, eventClass.attributes.activity_id ?? {}).enum ?? {},
).map(Number);

const schema = objectSchema(
  eventClass,
  {
    class_uid: { type: 'integer', const: classUid },
    category_uid: { type: 'integer', const: categoryUid },
    type_uid: { type: 'integer', enum: activities.map((a) => classUid * 100 + a).sort((a, b) => a - b) },
  },
  true,
);
for (let object = pending.shift(); object !== undefined; object = pending.shift()) {
  definitions[object] = objectSchema(resolve(objects, object));
}

const sorted = Object.fromEntries(Object.entries(definitions).sort(([a], [b]) => a.localeCompare(b)));
process.stdout.write(
  `${JSON.stringify(
    {
      $schema: 'http://json-schema.org/draft-07/schema#',
      $id: `https://schema.ocsf.io/${version}/classes/${className}`,
      $comment: `Generated by scripts/ocsf-schema-fragment.ts from ocsf/ocsf-schema ${version}${commit ? ` (commit ${commit})` : ''}, Apache License 2.0 (Copyright the OCSF contributors). Class ${className}, class_uid ${classUid}.`,
      title: `OCSF ${version} ${className}`,
      ...schema,
      definitions: sorted,
    },
    null,
    1,
  )}\n`,
);
