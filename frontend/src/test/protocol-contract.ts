/**
 * Test support (not a test itself): holds the TypeScript protocol types to the AsyncAPI
 * document. The messages clients send are the document's `sendCommand` operation and the
 * `ClientMessage` union; the messages the server sends are `receiveUpdate` and `ServerMessage`.
 * Each message is matched by its `type` (the message's `name` in the document).
 */
import type ts from 'typescript';
import { compareShapes, exportedType, follow, schemaShape, tsUnionShapes, type Json, type Shape } from './contract';

/** The document's messages of one operation, by their `name` (the `type` they carry). */
export function documentMessages(doc: Json, operation: string): Map<string, Shape> {
  const op = doc.operations?.[operation];
  if (!op) throw new Error(`the document has no operation ${operation}`);
  const messages = new Map<string, Shape>();
  for (const ref of op.messages as Json[]) {
    const message = follow(doc, ref);
    if (typeof message?.name !== 'string') throw new Error(`a message of ${operation} has no name`);
    messages.set(message.name, schemaShape(doc, message.payload));
  }
  return messages;
}

function compareMessages(side: string, doc: Map<string, Shape>, code: Map<string, Shape>): string[] {
  const problems: string[] = [];
  for (const type of new Set([...doc.keys(), ...code.keys()])) {
    const d = doc.get(type);
    const c = code.get(type);
    if (!c) problems.push(`${side} \`${type}\`: in the document, not in the TypeScript types`);
    else if (!d) problems.push(`${side} \`${type}\`: in the TypeScript types, not in the document`);
    else problems.push(...compareShapes(`${side} \`${type}\``, d, c));
  }
  return problems;
}

export interface ProtocolOptions {
  /**
   * Event kinds the document lists that no client ever receives (the server keeps them for
   * itself), so the client's types rightly leave them out.
   */
  serverOnlyEventKinds?: readonly string[];
}

/**
 * Every difference between the document and the protocol types in `file` (which exports
 * `ClientMessage` and `ServerMessage`); empty when they agree.
 */
export function protocolDifferences(doc: Json, program: ts.Program, file: string, options: ProtocolOptions = {}): string[] {
  const checker = program.getTypeChecker();
  const client = tsUnionShapes(checker, exportedType(program, file, 'ClientMessage'), 'type');
  const server = tsUnionShapes(checker, exportedType(program, file, 'ServerMessage'), 'type');
  const documentServer = documentMessages(doc, 'receiveUpdate');
  const problems: string[] = [];
  const kinds = documentServer.get('event')?.get('kind')?.literals;
  for (const kind of options.serverOnlyEventKinds ?? []) {
    if (!kinds?.delete(kind)) problems.push(`server message \`event\`: \`${kind}\` is not an event kind in the document`);
  }
  return [
    ...problems,
    ...compareMessages('client message', documentMessages(doc, 'sendCommand'), client),
    ...compareMessages('server message', documentServer, server),
  ];
}
