import {
  buildFile,
  ChunkBuilder,
  guidBytes,
  value,
  type BinXmlWriter,
  type Value,
} from '../../test/readers/evtx/support/evtx-bytes.js';
import { systemFields, writeEvent } from '../../test/readers/evtx/support/event-template.js';
import { seededRandom } from '../../test/support/seeded-random.js';

/**
 * Structure-aware EVTX seeds: files whose records instantiate generated templates, so byte
 * mutation starts from template definitions and references rather than from one fixed shape.
 * Each file mixes ordinary events with records whose templates nest other templates (inline
 * definitions and references to earlier ones), nest BinXML values, refer to themselves, or
 * chain deeper than the decoder allows. Deterministic for a seed.
 */
export function evtxTemplateSeeds(count: number, seed: number): Buffer[] {
  const random = seededRandom(seed);
  const pick = (n: number) => Math.floor(random() * n);
  const seeds: Buffer[] = [];
  for (let file = 0; file < count; file++) {
    const chunk = new ChunkBuilder();
    let id = 1;
    let templates = 0;
    const guid = () =>
      guidBytes(`{0f0f0f0f-0000-4000-8000-${(templates++).toString(16).padStart(12, '0')}}`);
    /** A template body: an element with attributes, substitutions and nested instances. */
    const body =
      (depth: number, key: string) =>
      (t: BinXmlWriter): void => {
        const attributes: [string, (w: BinXmlWriter) => void][] =
          pick(2) === 0 ? [] : [['A', (w) => w.substitution(0, 0x01, pick(2) === 0)]];
        t.element(`E${depth}`, attributes, (c) => {
          c.substitution(1, [0x01, 0x08, 0x21][pick(3)]!, pick(2) === 0);
          const kind = pick(6);
          if (kind === 0 && depth < 12)
            c.instance(`${key}.${depth}`, guid(), body(depth + 1, key), values(depth));
          else if (kind === 1)
            c.instance(key, guid(), body(depth + 1, key), values(depth)); // itself
          else if (kind === 2) c.text(`t${depth}`);
        });
      };
    const values = (depth: number): Value[] => [
      value.string(`v${depth}`),
      pick(3) === 0
        ? value.binXml((w) => {
            w.fragmentHeader();
            w.element('Nested', [], (c) => c.text('x'));
            w.eof();
          })
        : value.u32(depth),
    ];
    for (let record = 0; record < 8; record++) {
      const shape = pick(4);
      if (shape === 0) {
        chunk.record(id, (w) => writeEvent(w, systemFields({ recordId: id }), null));
      } else if (shape === 1) {
        // A chain of distinct templates, sometimes deeper than the nesting limit.
        const depth = 2 + pick(70);
        chunk.record(id, (w) => {
          w.fragmentHeader();
          const link =
            (i: number) =>
            (t: BinXmlWriter): void => {
              if (i >= depth) t.element('End');
              else
                t.element('L', [], (c) =>
                  c.instance(`c${file}.${record}.${i + 1}`, guid(), link(i + 1), []),
                );
            };
          w.instance(`c${file}.${record}.0`, guid(), link(0), []);
          w.eof();
        });
      } else {
        const key = `r${file}.${record % 3}`; // later records refer to earlier definitions
        chunk.record(id, (w) => {
          w.fragmentHeader();
          w.instance(key, guid(), body(0, key), values(0));
          w.eof();
        });
      }
      id++;
    }
    seeds.push(buildFile([chunk.finish()]));
  }
  return seeds;
}
