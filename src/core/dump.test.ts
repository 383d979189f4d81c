import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { deployment, dump, incident, node, podSpec } from '../../test/support/cluster-fixture.js';
import { DumpError, readDump } from './dump.js';

const objects = [node('n1', 'docker18'), ...incident(['n1']), deployment('web', 'shop', podSpec()).deployment];
const capPath = ['spec', 'template', 'spec', 'containers', 0, 'securityContext', 'capabilities', 'add', 0];

describe('readDump', () => {
  it.each([
    ['json', dump(objects)],
    ['yaml', stringify(JSON.parse(dump(objects)))],
  ])('splits a %s List into nodes, pods and controllers and locates each item’s paths', (_, text) => {
    const { snapshot } = readDump('cluster', text);
    expect(snapshot.nodes).toHaveLength(1);
    expect(snapshot.pods).toHaveLength(1);
    expect(snapshot.controllers.map((c) => c.value.kind)).toEqual(['Deployment', 'StatefulSet']);
    const sts = snapshot.controllers[1];
    const at = sts?.source?.locate(capPath);
    expect(at?.exact).toBe(true);
    expect(text.slice(at?.range.start, at?.range.end)).toMatch(/^"?CAP_SYS_RESOURCE"?$/);
    // A path that does not exist points at its nearest ancestor inside the same item.
    const missing = sts?.source?.locate(['spec', 'template', 'spec', 'nodeSelector']);
    expect(missing?.exact).toBe(false);
    expect(text.slice(missing?.range.start, missing?.range.end)).toMatch(/spec/);
  });

  it('names the file, line and problem of a broken dump', () => {
    expect(() => readDump('c.json', '{"items": [\n  {"kind": }\n]}')).toThrow(DumpError);
    expect(() => readDump('c.json', '{"items": [\n  {"kind": }\n]}')).toThrow(/^c\.json:2:\d+: JSON: /);
    expect(() => readDump('c.yaml', 'items:\n  - kind: [\n')).toThrow(/^c\.yaml:\d+:\d+: /);
  });
});
