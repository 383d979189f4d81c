import { describe, expect, it } from 'vitest';
import { checkedLevel, namespacePss } from './namespace-pss.js';

const ns = (labels: Record<string, string>) => ({ kind: 'Namespace', metadata: { name: 'x', labels } });
const P = 'pod-security.kubernetes.io/';

describe('namespacePss', () => {
  it('takes the strictest of enforce, warn and audit, naming enforce on a tie', () => {
    expect(namespacePss(ns({ [`${P}audit`]: 'restricted', [`${P}enforce`]: 'baseline' }))).toMatchObject({
      level: 'restricted',
      label: `${P}audit`,
    });
    expect(namespacePss(ns({ [`${P}warn`]: 'baseline', [`${P}enforce`]: 'baseline' }))?.label).toBe(`${P}enforce`);
  });

  it('keeps the -version label of the deciding mode', () => {
    const p = namespacePss(
      ns({ [`${P}warn`]: 'restricted', [`${P}warn-version`]: 'v1.24', [`${P}enforce-version`]: 'latest' }),
    );
    expect(p).toEqual({
      namespace: 'x',
      level: 'restricted',
      label: `${P}warn`,
      value: 'restricted',
      version: 'v1.24',
    });
  });

  it('reads invalid values as admission does: enforce fails closed, warn and audit open', () => {
    expect(namespacePss(ns({ [`${P}enforce`]: 'Restricted' }))).toMatchObject({
      level: 'restricted',
      value: 'Restricted',
    });
    expect(namespacePss(ns({ [`${P}warn`]: 'strict' }))?.level).toBe('privileged');
  });

  it('is undefined without Pod Security labels', () => {
    expect(namespacePss(ns({ team: 'a' }))).toBeUndefined();
    expect(namespacePss({ kind: 'Namespace' })).toBeUndefined();
  });

  it('a restricted label pinned before v1.22 checks capabilities as baseline', () => {
    const at = (version: string) =>
      checkedLevel(namespacePss(ns({ [`${P}enforce`]: 'restricted', [`${P}enforce-version`]: version })) as never);
    expect(at('v1.21')).toBe('baseline');
    expect(at('v1.22')).toBe('restricted');
    expect(at('latest')).toBe('restricted');
  });
});
