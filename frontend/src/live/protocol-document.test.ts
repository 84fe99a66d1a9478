// @vitest-environment node
// (Reads files from the disk and compiles TypeScript; no DOM needed.)
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { programOf } from '../test/contract';
import { protocolDifferences } from '../test/protocol-contract';

const DOCUMENT = fileURLToPath(new URL('../../../docs/protocol/asyncapi.yaml', import.meta.url));
const PROTOCOL = fileURLToPath(new URL('./protocol.ts', import.meta.url));

/** Kinds the server records for itself; the document lists them, no client receives them. */
const SERVER_ONLY_EVENT_KINDS = ['participant.erased', 'log.scrubbed'];

describe('the protocol types and docs/protocol/asyncapi.yaml', () => {
  it('agree on every message, its fields, which are required, and the values they allow', () => {
    const doc = parse(readFileSync(DOCUMENT, 'utf-8'));
    const differences = protocolDifferences(doc, programOf([PROTOCOL]), PROTOCOL, {
      serverOnlyEventKinds: SERVER_ONLY_EVENT_KINDS,
    });
    expect(differences).toEqual([]);
  });
});

/* ---- the checker itself, on a small document and a small set of types ---- */

const FIXTURE_DOCUMENT = parse(`
operations:
  sendCommand:
    messages:
      - { $ref: '#/components/messages/hello' }
      - { $ref: '#/components/messages/noteShare' }
  receiveUpdate:
    messages:
      - { $ref: '#/components/messages/ack' }
      - { $ref: '#/components/messages/event' }
components:
  schemas:
    envelope:
      type: object
      required: [v, type]
      properties:
        v: { type: integer, const: 1 }
        type: { type: string }
    command:
      allOf:
        - $ref: '#/components/schemas/envelope'
        - type: object
          required: [id]
          properties:
            id: { type: string }
  messages:
    hello:
      name: hello
      payload:
        allOf:
          - $ref: '#/components/schemas/command'
          - type: object
            properties:
              lastSeq: { type: integer }
    noteShare:
      name: note.share
      payload:
        allOf:
          - $ref: '#/components/schemas/command'
          - type: object
            required: [text]
            properties:
              text: { type: string }
              visibility: { type: string, enum: [everyone, facilitators] }
    ack:
      name: ack
      payload:
        allOf:
          - $ref: '#/components/schemas/envelope'
          - type: object
            required: [id, seqs]
            properties:
              id: { type: string }
              seqs: { type: array, items: { type: integer } }
              created: { type: object, additionalProperties: { type: string } }
    event:
      name: event
      payload:
        allOf:
          - $ref: '#/components/schemas/envelope'
          - type: object
            required: [seq, kind, data]
            properties:
              seq: { type: integer }
              kind: { type: string, enum: [note.shared, log.scrubbed] }
              data: { type: object }
`);

const FIXTURE_TYPES = `
interface Envelope<T extends string> { v: 1; type: T }
interface CommandEnvelope<T extends string> extends Envelope<T> { id: string }
export interface HelloMessage extends CommandEnvelope<'hello'> { lastSeq?: number }
export interface NoteShareCommand extends CommandEnvelope<'note.share'> { text: string; visibility?: 'everyone' | 'facilitators' }
export interface AckMessage extends Envelope<'ack'> { id: string; seqs: number[]; created?: Record<string, string> }
interface EventData { 'note.shared': { text: string } }
export type RoomEvent = { [K in keyof EventData]: Envelope<'event'> & { seq: number; kind: K; data: EventData[K] } }[keyof EventData];
export type ClientMessage = HelloMessage | NoteShareCommand;
export type ServerMessage = AckMessage | RoomEvent;
`;

const FIXTURE_FILE = '/fixture/protocol.ts';

function differences(types: string, serverOnlyEventKinds = ['log.scrubbed']): string[] {
  return protocolDifferences(FIXTURE_DOCUMENT, programOf([FIXTURE_FILE], { [FIXTURE_FILE]: types }), FIXTURE_FILE, {
    serverOnlyEventKinds,
  });
}

describe('the protocol checker', () => {
  it('finds nothing when the two agree', () => {
    expect(differences(FIXTURE_TYPES)).toEqual([]);
  });

  it('reports a field renamed in the types only, from both sides', () => {
    const renamed = FIXTURE_TYPES.replace('{ text: string; visibility', '{ body: string; visibility');
    expect(differences(renamed)).toEqual([
      'client message `note.share`: the document has `text`, the TypeScript type does not',
      'client message `note.share`: the TypeScript type has `body`, the document does not',
    ]);
  });

  it('reports a field that is optional on one side and required on the other', () => {
    const required = FIXTURE_TYPES.replace('visibility?:', 'visibility:');
    expect(differences(required)).toEqual([
      'client message `note.share`: `visibility` is optional in the document but required in the TypeScript type',
    ]);
  });

  it('reports a value allowed on one side only', () => {
    const more = FIXTURE_TYPES.replace("'everyone' | 'facilitators'", "'everyone' | 'facilitators' | 'anonymous'");
    expect(differences(more)).toEqual([
      'client message `note.share`: `visibility` allows [everyone, facilitators] in the document but [anonymous, everyone, facilitators] in the TypeScript type',
    ]);
  });

  it('reports a message on one side only, and an event kind the client does not know', () => {
    const noHello = FIXTURE_TYPES.replace(
      'export type ClientMessage = HelloMessage | NoteShareCommand;',
      'export type ClientMessage = NoteShareCommand;',
    );
    expect(differences(noHello, [])).toEqual([
      'client message `hello`: in the document, not in the TypeScript types',
      'server message `event`: `kind` allows [log.scrubbed, note.shared] in the document but [note.shared] in the TypeScript type',
    ]);
  });

  it('reports a field the ack gains on one side only', () => {
    const noCreated = FIXTURE_TYPES.replace('; created?: Record<string, string>', '');
    expect(differences(noCreated)).toEqual(['server message `ack`: the document has `created`, the TypeScript type does not']);
  });
});
