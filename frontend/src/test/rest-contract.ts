/**
 * Test support (not a test itself): holds the web client's REST types (each feature's
 * types.ts) to the schemas of the OpenAPI document, through a table that names, for each
 * TypeScript type, the schema it stands for.
 */
import ts from 'typescript';
import { compareShapes, exportedType, follow, schemaShape, tsShape, type Json } from './contract';

/** Where a type is declared: a feature's types.ts (`cohort/types.ts`) and the type's name. */
export interface TypeAt {
  file: string;
  name: string;
}

function literalsOf(type: ts.Type): string[] | undefined {
  const parts = type.isUnion() ? type.types : [type];
  return parts.every((t) => t.isStringLiteral()) ? parts.map((t) => (t as ts.StringLiteralType).value).sort() : undefined;
}

/**
 * Every difference between the TypeScript type and the schema it is mapped to: field names,
 * optional or required where the document says, the values an enum allows (a string-literal
 * type against an enum schema, or a field's literals against its enum), nested objects.
 */
export function restDifferences(doc: Json, program: ts.Program, mapping: ReadonlyMap<TypeAt, string>): string[] {
  const checker = program.getTypeChecker();
  const schemas = doc.components?.schemas ?? {};
  const problems: string[] = [];
  for (const [at, schemaName] of mapping) {
    const where = `${at.name} (${at.file.replace(/^.*\/src\//, '')}) ~ ${schemaName}`;
    const schema = schemas[schemaName];
    if (!schema) {
      problems.push(`${where}: the document has no schema ${schemaName}`);
      continue;
    }
    const type = exportedType(program, at.file, at.name);
    const literals = literalsOf(type);
    const resolved = follow(doc, schema);
    if (literals || Array.isArray(resolved.enum)) {
      const documented = Array.isArray(resolved.enum) ? [...resolved.enum].map(String).sort() : undefined;
      if (!literals || !documented || literals.join() !== documented.join()) {
        problems.push(
          `${where}: allows [${documented?.join(', ') ?? ''}] in the document but [${literals?.join(', ') ?? ''}] in TypeScript`,
        );
      }
      continue;
    }
    problems.push(...compareShapes(where, schemaShape(doc, schema), tsShape(checker, type)));
  }
  return problems;
}
