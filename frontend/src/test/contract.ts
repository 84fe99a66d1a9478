/**
 * Test support (not a test itself): holds the web client's TypeScript types to a document's
 * JSON schemas (the AsyncAPI protocol document, the OpenAPI document). Both sides become
 * shapes: field names, whether each is optional, the string literals a field allows, and the
 * fields of nested objects. Comparing two shapes lists every difference in words, so a field
 * renamed on one side only fails the test that compares them.
 */
import ts from 'typescript';

export interface Field {
  /** undefined when the document does not say (an object schema without `required`) */
  optional?: boolean;
  /** the string values allowed, when the field is a set of string literals */
  literals?: Set<string>;
  /** the fields of a nested object (or of an array's items) */
  nested?: Shape;
}

export type Shape = Map<string, Field>;

/* ---- the TypeScript side ---- */

const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  types: [],
};

/**
 * A program over the given files. `sources` puts files that exist only in memory (a test's
 * fixture) in front of the disk.
 */
export function programOf(rootFiles: string[], sources: Record<string, string> = {}): ts.Program {
  const host = ts.createCompilerHost(COMPILER_OPTIONS);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (name) => sources[name] ?? readFile(name);
  host.fileExists = (name) => name in sources || fileExists(name);
  host.getSourceFile = (name, language, onError, create) =>
    name in sources ? ts.createSourceFile(name, sources[name], language) : getSourceFile(name, language, onError, create);
  return ts.createProgram(rootFiles, COMPILER_OPTIONS, host);
}

/** The type an exported type alias or interface names in a file of the program. */
export function exportedType(program: ts.Program, file: string, name: string): ts.Type {
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  if (!source) throw new Error(`${file} is not in the program`);
  const module = checker.getSymbolAtLocation(source);
  const symbol = module && checker.getExportsOfModule(module).find((s) => s.name === name);
  if (!symbol) throw new Error(`${file} exports no type ${name}`);
  // a type re-exported from another file is an alias of the one declared there
  return checker.getDeclaredTypeOfSymbol(symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol);
}

/** The names a file exports as interfaces or type aliases. */
export function exportedTypeNames(program: ts.Program, file: string): string[] {
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  const module = source && checker.getSymbolAtLocation(source);
  if (!module) return [];
  return checker
    .getExportsOfModule(module)
    .filter(
      (s) =>
        (s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s).flags &
        (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias),
    )
    .map((s) => s.name);
}

function stringLiterals(type: ts.Type): Set<string> | undefined {
  const parts = type.isUnion() ? type.types : [type];
  if (!parts.every((t) => t.isStringLiteral())) return undefined;
  return new Set(parts.map((t) => (t as ts.StringLiteralType).value));
}

function withoutNull(checker: ts.TypeChecker, type: ts.Type): ts.Type {
  return checker.getNonNullableType(type);
}

/** The shape of a TypeScript object type: its properties, optional or not, nested objects to `depth`. */
export function tsShape(checker: ts.TypeChecker, type: ts.Type, depth = 2): Shape {
  const shape: Shape = new Map();
  for (const property of checker.getPropertiesOfType(type)) {
    const propertyType = withoutNull(checker, checker.getTypeOfSymbol(property));
    shape.set(property.name, {
      optional: (property.flags & ts.SymbolFlags.Optional) !== 0,
      literals: stringLiterals(propertyType),
      nested: depth > 0 ? tsNested(checker, propertyType, depth - 1) : undefined,
    });
  }
  return shape;
}

function tsNested(checker: ts.TypeChecker, type: ts.Type, depth: number): Shape | undefined {
  const element = checker.isArrayType(type) ? checker.getTypeArguments(type as ts.TypeReference)[0] : type;
  if (!(element.flags & ts.TypeFlags.Object) || checker.isArrayType(element)) return undefined;
  if (element.getCallSignatures().length) return undefined;
  const shape = tsShape(checker, element, depth);
  return shape.size ? shape : undefined;
}

/**
 * A union of messages, each told apart by a string literal in `tag` (e.g. `type`), as one shape
 * per tag value. Members with the same tag (the events, one per kind) are merged: a field is
 * in the shape if any member has it, optional if any member leaves it out, and its literals are
 * all the members' literals together.
 */
export function tsUnionShapes(checker: ts.TypeChecker, union: ts.Type, tag: string): Map<string, Shape> {
  const shapes = new Map<string, Shape>();
  for (const member of union.isUnion() ? union.types : [union]) {
    const tagSymbol = member.getProperty(tag);
    const tagType = tagSymbol && checker.getTypeOfSymbol(tagSymbol);
    if (!tagType?.isStringLiteral()) throw new Error(`a member of the union has no literal ${tag}`);
    const shape = tsShape(checker, member);
    const seen = shapes.get(tagType.value);
    shapes.set(tagType.value, seen ? mergeShapes(seen, shape) : shape);
  }
  return shapes;
}

function mergeShapes(a: Shape, b: Shape): Shape {
  const merged: Shape = new Map();
  for (const name of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(name);
    const y = b.get(name);
    if (!x || !y) {
      merged.set(name, { ...(x ?? y)!, optional: true });
      continue;
    }
    merged.set(name, {
      optional: x.optional || y.optional,
      literals: x.literals && y.literals ? new Set([...x.literals, ...y.literals]) : undefined,
      nested: x.nested,
    });
  }
  return merged;
}

/* ---- the document side (JSON Schema, as AsyncAPI and OpenAPI write it) ---- */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a parsed YAML or JSON document, read freely
export type Json = any;

/** Follows a local `$ref` (`#/components/schemas/x`) in the document. */
export function follow(doc: Json, node: Json): Json {
  let current = node;
  for (let hops = 0; current && typeof current.$ref === 'string'; hops++) {
    if (hops > 20) throw new Error(`$ref loop at ${node.$ref}`);
    const ref: string = current.$ref;
    if (!ref.startsWith('#/')) throw new Error(`only local references are followed: ${ref}`);
    current = ref
      .slice(2)
      .split('/')
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce((at: Json, part) => at?.[part], doc);
    if (current === undefined) throw new Error(`${ref} points at nothing`);
  }
  return current;
}

interface Flat {
  properties: Record<string, Json>;
  required?: Set<string>;
}

/** A schema with its references followed and its `allOf` parts put together. */
function flatten(doc: Json, schema: Json): Flat {
  const s = follow(doc, schema) ?? {};
  const flat: Flat = { properties: { ...(s.properties ?? {}) } };
  if (Array.isArray(s.required)) flat.required = new Set(s.required);
  for (const part of [...(s.allOf ?? [])]) {
    const inner = flatten(doc, part);
    Object.assign(flat.properties, inner.properties);
    if (inner.required) flat.required = new Set([...(flat.required ?? []), ...inner.required]);
  }
  return flat;
}

function schemaLiterals(doc: Json, schema: Json): Set<string> | undefined {
  const s = follow(doc, schema);
  if (Array.isArray(s?.enum) && s.enum.every((v: unknown) => typeof v === 'string')) return new Set(s.enum);
  if (typeof s?.const === 'string') return new Set([s.const]);
  return undefined;
}

/** The shape of an object schema, nested objects (and arrays' items) to `depth`. */
export function schemaShape(doc: Json, schema: Json, depth = 2): Shape {
  const flat = flatten(doc, schema);
  const shape: Shape = new Map();
  for (const [name, property] of Object.entries(flat.properties)) {
    shape.set(name, {
      optional: flat.required ? !flat.required.has(name) : undefined,
      literals: schemaLiterals(doc, property),
      nested: depth > 0 ? schemaNested(doc, property, depth - 1) : undefined,
    });
  }
  return shape;
}

function schemaNested(doc: Json, schema: Json, depth: number): Shape | undefined {
  const s = follow(doc, schema);
  const element = s?.type === 'array' ? follow(doc, s.items) : s;
  if (!element || (!element.properties && !element.allOf)) return undefined;
  const shape = schemaShape(doc, element, depth);
  return shape.size ? shape : undefined;
}

/* ---- comparing ---- */

const words = (set: Set<string>) => [...set].sort().join(', ');

/**
 * Every difference between the document's shape and the TypeScript shape of one thing, as
 * sentences that start with `where`. Literal sets are compared only where both sides have one;
 * optionality only where the document says which fields are required.
 */
export function compareShapes(where: string, doc: Shape, code: Shape, skip: ReadonlySet<string> = new Set()): string[] {
  const problems: string[] = [];
  for (const name of new Set([...doc.keys(), ...code.keys()])) {
    if (skip.has(name)) continue;
    const d = doc.get(name);
    const c = code.get(name);
    if (!c) {
      problems.push(`${where}: the document has \`${name}\`, the TypeScript type does not`);
      continue;
    }
    if (!d) {
      problems.push(`${where}: the TypeScript type has \`${name}\`, the document does not`);
      continue;
    }
    if (d.optional !== undefined && d.optional !== c.optional) {
      problems.push(
        `${where}: \`${name}\` is ${d.optional ? 'optional' : 'required'} in the document but ${
          c.optional ? 'optional' : 'required'
        } in the TypeScript type`,
      );
    }
    if (d.literals && c.literals && words(d.literals) !== words(c.literals)) {
      problems.push(
        `${where}: \`${name}\` allows [${words(d.literals)}] in the document but [${words(c.literals)}] in the TypeScript type`,
      );
    }
    if (d.nested && c.nested) problems.push(...compareShapes(`${where}.${name}`, d.nested, c.nested));
  }
  return problems;
}
