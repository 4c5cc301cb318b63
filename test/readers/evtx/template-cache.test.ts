import { describe, expect, it } from 'vitest';
import {
  nodeKind,
  type ContentNode,
  type Template,
} from '../../../src/readers/evtx/binary/binxml-nodes.js';
import { scanChunk } from '../../../src/readers/evtx/binary/scan-evtx.js';
import { TemplateCache } from '../../../src/readers/evtx/binary/template-cache.js';
import { ByteWriter } from '../../../src/readers/evtx/render/xml-bytes.js';
import { XmlRecordWriter } from '../../../src/readers/evtx/render/xml-record-writer.js';
import { ChunkBuilder, guidBytes, value, type BinXmlWriter } from './support/evtx-bytes.js';

const guid = '{00000000-0000-0000-0000-000000000001}';

/** A chunk holding a 24-byte template header and `body` as the definition at `offset`. */
function chunkWith(offset: number, body: number[]): Uint8Array {
  const chunk = new Uint8Array(offset + 24 + body.length);
  chunk.set(body, offset + 24);
  return chunk;
}

function element(name: string, index: number): ContentNode[] {
  return [
    {
      kind: nodeKind.element,
      name,
      localName: name,
      attributes: [],
      children: [{ kind: nodeKind.substitution, index, optional: false }],
      soleOptionalValue: -1,
      contentValues: [index],
    },
  ];
}

describe('TemplateCache', () => {
  it('decodes equal definition bytes once', () => {
    const cache = new TemplateCache();
    let decoded = 0;
    const compile = (): Template => {
      decoded++;
      return { guid, nodes: element('Data', 0) };
    };
    const first = cache.lookup(chunkWith(100, [1, 2, 3]), 100, guid, 3, compile);
    const second = cache.lookup(chunkWith(900, [1, 2, 3]), 900, guid, 3, compile);
    expect(second).toBe(first);
    expect(decoded).toBe(1);
    expect(cache.reused).toBe(1);
  });

  it('shares one Template between definitions whose bytes differ but whose nodes are equal', () => {
    const cache = new TemplateCache();
    const a = cache.lookup(chunkWith(0, [1, 2, 3]), 0, guid, 3, () => ({
      guid,
      nodes: element('Data', 0),
    }));
    // Other bytes (a name offset elsewhere in the chunk), same nodes: the same Template.
    const b = cache.lookup(chunkWith(0, [1, 9, 3]), 0, guid, 3, () => ({
      guid,
      nodes: element('Data', 0),
    }));
    // Other nodes: a Template of its own.
    const c = cache.lookup(chunkWith(0, [1, 8, 3]), 0, guid, 3, () => ({
      guid,
      nodes: element('Data', 1),
    }));
    const d = cache.lookup(chunkWith(0, [1, 7, 3]), 0, guid, 3, () => ({
      guid: '{00000000-0000-0000-0000-000000000002}',
      nodes: element('Data', 0),
    }));
    expect(b).toBe(a);
    expect(c).not.toBe(a);
    expect(c.nodes).toEqual(element('Data', 1));
    expect(d).not.toBe(a);
    expect(cache.compiled).toBe(4);
    expect(cache.shared).toBe(1);
  });

  it('does not share definitions holding a template instance (their text could explode)', () => {
    const cache = new TemplateCache();
    const inner: Template = { guid, nodes: element('Inner', 0) };
    const withInstance = (): Template => ({
      guid,
      nodes: [
        {
          kind: nodeKind.element,
          name: 'Outer',
          localName: 'Outer',
          attributes: [],
          children: [
            {
              kind: nodeKind.instance,
              template: inner,
              values: { types: [1], offsets: [0], sizes: [2] },
            },
          ],
          soleOptionalValue: -1,
          contentValues: [],
        },
      ],
    });
    const a = cache.lookup(chunkWith(0, [5, 1]), 0, guid, 2, withInstance);
    const b = cache.lookup(chunkWith(0, [5, 2]), 0, guid, 2, withInstance);
    expect(b).not.toBe(a);
    expect(b).toEqual(a);
    expect(cache.shared).toBe(0);
  });
});

describe('TemplateCache across chunks', () => {
  const guidT = guidBytes('{0000000a-0000-0000-0000-00000000000a}');
  const guidU = guidBytes('{0000000b-0000-0000-0000-00000000000b}');
  /** Template T: `<Event><Data Name="…">%0</Data></Event>`, with the attribute name given. */
  const bodyT = (attribute: string) => (w: BinXmlWriter) =>
    w.element('Event', [], (e) =>
      e.element('Data', [[attribute, (a) => a.text('x')]], (d) => d.substitution(0, 0x01)),
    );
  /** Template U: uses the names T uses, so a chunk that starts with U refers T's names back. */
  const bodyU = (w: BinXmlWriter) =>
    w.element('Data', [['Name', (a) => a.text('y')]], (d) => d.substitution(0, 0x01));

  /** One chunk's records (decoded with `cache`), as rendered XML and their templates. */
  function scan(chunk: Buffer, cache: TemplateCache): { xml: string[]; templates: Template[] } {
    const xml: string[] = [];
    const templates: Template[] = [];
    const out = new ByteWriter(1 << 12);
    const writer = new XmlRecordWriter(out);
    scanChunk(chunk, 0, 4096, cache, {
      onRecord(record) {
        const only = record.nodes[0];
        if (only?.kind === nodeKind.instance) templates.push(only.template);
        writer.write(record.decoder, record.nodes);
        xml.push(out.take().toString('utf8'));
      },
      onProblem(problem) {
        throw new Error(problem.message);
      },
    });
    return { xml, templates };
  }

  it('decodes a definition once when other chunks lay it out with other name offsets and sizes', () => {
    const first = new ChunkBuilder();
    first.record(1, (w) => w.instance('T', guidT, bodyT('Name'), [value.string('one')]));
    const second = new ChunkBuilder();
    second.record(2, (w) => w.instance('U', guidU, bodyU, [value.string('u')]));
    second.record(3, (w) => w.instance('T', guidT, bodyT('Name'), [value.string('two')]));
    const cache = new TemplateCache();
    const a = scan(first.finish(), cache);
    const b = scan(second.finish(), cache);
    // T's names are written in place in the first chunk, referred back to U's in the second:
    // another size, other offsets; still one decoding of T (and one of U).
    expect(cache.compiled).toBe(2);
    expect(b.templates[1]).toBe(a.templates[0]);
    expect(a.xml).toEqual(['<Event><Data Name="x">one</Data></Event>']);
    expect(b.xml).toEqual(['<Data Name="y">u</Data>', '<Event><Data Name="x">two</Data></Event>']);
  });

  it('decodes again when a name differs, even where the bytes are laid out the same', () => {
    const first = new ChunkBuilder();
    first.record(1, (w) => w.instance('T', guidT, bodyT('Name'), [value.string('one')]));
    const second = new ChunkBuilder();
    second.record(2, (w) => w.instance('T', guidT, bodyT('Nome'), [value.string('two')]));
    const cache = new TemplateCache();
    const a = scan(first.finish(), cache);
    const b = scan(second.finish(), cache);
    expect(cache.compiled).toBe(2);
    expect(b.templates[0]).not.toBe(a.templates[0]);
    expect(b.xml).toEqual(['<Event><Data Nome="x">two</Data></Event>']);
  });

  it('decodes again when a name written in place elsewhere names something else', () => {
    const first = new ChunkBuilder();
    first.record(1, (w) => w.instance('U', guidU, bodyU, [value.string('u')]));
    first.record(2, (w) => w.instance('T', guidT, bodyT('Name'), [value.string('one')]));
    const second = new ChunkBuilder();
    // The same layout (T refers back to U's names), but U spells its attribute otherwise.
    const bodyU2 = (w: BinXmlWriter) =>
      w.element('Data', [['Nome', (a) => a.text('y')]], (d) => d.substitution(0, 0x01));
    second.record(3, (w) => w.instance('U', guidU, bodyU2, [value.string('u')]));
    second.record(4, (w) => w.instance('T', guidT, bodyT('Nome'), [value.string('two')]));
    const cache = new TemplateCache();
    scan(first.finish(), cache);
    const b = scan(second.finish(), cache);
    expect(b.xml).toEqual(['<Data Nome="y">u</Data>', '<Event><Data Nome="x">two</Data></Event>']);
  });
});
