import { describe, expect, it } from 'vitest';
import {
  nodeKind,
  type ContentNode,
  type Template,
} from '../../../src/readers/evtx/binxml-nodes.js';
import { TemplateCache } from '../../../src/readers/evtx/template-cache.js';

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
