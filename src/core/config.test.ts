import { describe, expect, it } from 'vitest';
import { ConfigError, globToRegExp, parseConfig } from './config.js';

const KNOWN = new Set(['cap-prefix', 'cap-case', 'cap-dangerous', 'pss-restricted']);

function parse(text: string) {
  return parseConfig(text, '.capdoctor.yaml', KNOWN);
}

/** The message of the ConfigError that parsing `text` throws. */
function failure(text: string, file = '.capdoctor.yaml'): string {
  try {
    parseConfig(text, file, KNOWN);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toBeInstanceOf(Error);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig: valid files', () => {
  it('reads the README example', () => {
    const text = [
      'targets: [containerd@1.7, docker@20.10]   # used when --target is not given',
      'rules:',
      '  cap-dangerous: off                       # off, info, warning or error',
      '  pss-restricted: warning',
      'ignore:                                    # globs, relative to this file',
      '  - vendor/**',
      '  - "*.generated.yaml"',
      '',
    ].join('\n');
    expect(parse(text)).toEqual({
      targets: ['containerd@1.7', 'docker@20.10'],
      rules: { 'cap-dangerous': 'off', 'pss-restricted': 'warning' },
      ignore: ['vendor/**', '*.generated.yaml'],
    });
  });

  it('reads targets as a block list', () => {
    expect(parse('targets:\n  - docker@18.06\n  - k8s@1.13.2,docker@18.06\n')).toEqual({
      targets: ['docker@18.06', 'k8s@1.13.2,docker@18.06'],
    });
  });

  it('reads targets and ignore given as a single string', () => {
    expect(parse('targets: docker@18.06\nignore: vendor/**\n')).toEqual({
      targets: ['docker@18.06'],
      ignore: ['vendor/**'],
    });
  });

  it('reads every severity, and off', () => {
    const text = 'rules:\n  cap-prefix: error\n  cap-case: warning\n  cap-dangerous: info\n  pss-restricted: "off"\n';
    expect(parse(text).rules).toEqual({
      'cap-prefix': 'error',
      'cap-case': 'warning',
      'cap-dangerous': 'info',
      'pss-restricted': 'off',
    });
  });

  it('reads false (and YAML 1.1 off/no, which are false) as off', () => {
    expect(parse('rules:\n  cap-prefix: false\n  cap-case: off\n  cap-dangerous: no\n').rules).toEqual({
      'cap-prefix': 'off',
      'cap-case': 'off',
      'cap-dangerous': 'off',
    });
  });

  it('reads a flow mapping of rules', () => {
    expect(parse('rules: {cap-prefix: info, cap-case: error}\n').rules).toEqual({
      'cap-prefix': 'info',
      'cap-case': 'error',
    });
  });

  it('accepts empty lists and an empty rules mapping', () => {
    expect(parse('targets: []\nrules: {}\nignore: []\n')).toEqual({ targets: [], rules: {}, ignore: [] });
  });

  it('gives an empty configuration for an empty file, or comments only', () => {
    expect(parse('')).toEqual({});
    expect(parse('# nothing here\n')).toEqual({});
    expect(parse('---\n')).toEqual({});
  });

  it('leaves out what the file does not set', () => {
    const config = parse('ignore: ["**/*.json"]\n');
    expect(config).toEqual({ ignore: ['**/*.json'] });
    expect('targets' in config).toBe(false);
    expect('rules' in config).toBe(false);
  });

  it('reads CRLF files', () => {
    expect(parse('targets: [docker@18.06]\r\nrules:\r\n  cap-prefix: warning\r\n')).toEqual({
      targets: ['docker@18.06'],
      rules: { 'cap-prefix': 'warning' },
    });
  });
});

describe('parseConfig: errors with file:line:column', () => {
  it('refuses a list', () => {
    expect(failure('- a\n- b\n')).toBe('.capdoctor.yaml:1:1: the configuration must be a mapping');
  });

  it('refuses a scalar', () => {
    expect(failure('hello\n')).toBe('.capdoctor.yaml:1:1: the configuration must be a mapping');
  });

  it('points at a document that starts later', () => {
    expect(failure('# header\n\n- a\n')).toBe('.capdoctor.yaml:3:1: the configuration must be a mapping');
  });

  it('names the file it was given', () => {
    expect(failure('- a\n', 'repo/.capdoctor.yml')).toBe(
      'repo/.capdoctor.yml:1:1: the configuration must be a mapping',
    );
  });

  it('refuses an unknown key', () => {
    expect(failure('targets: [a]\nfoo: bar\n')).toBe(
      '.capdoctor.yaml:2:6: unknown setting "foo" (expected targets, rules, pss or ignore)',
    );
  });

  it('refuses an unknown rule', () => {
    expect(failure('rules:\n  cap-prefix: error\n  no-such-rule: error\n')).toBe(
      '.capdoctor.yaml:3:17: unknown rule "no-such-rule"',
    );
  });

  it('refuses a setting for parse-error, which `capdoctor rules` lists but nothing turns off', () => {
    expect(failure('rules:\n  parse-error: off\n')).toBe(
      '.capdoctor.yaml:2:16: "parse-error" cannot be set: a file that cannot be read is always an error',
    );
  });

  it('refuses a bad severity', () => {
    expect(failure('rules:\n  cap-prefix: fatal\n')).toBe(
      '.capdoctor.yaml:2:15: rule "cap-prefix": expected one of off, info, warning, error',
    );
  });

  it('refuses true (YAML 1.1 on/yes) and other non-string severities', () => {
    const message = 'rule "cap-prefix": expected one of off, info, warning, error';
    expect(failure('rules:\n  cap-prefix: true\n')).toBe(`.capdoctor.yaml:2:15: ${message}`);
    expect(failure('rules:\n  cap-prefix: on\n')).toBe(`.capdoctor.yaml:2:15: ${message}`);
    expect(failure('rules:\n  cap-prefix: 2\n')).toBe(`.capdoctor.yaml:2:15: ${message}`);
    expect(failure('rules:\n  cap-prefix: Error\n')).toBe(`.capdoctor.yaml:2:15: ${message}`);
  });

  it('refuses rules that are not a mapping', () => {
    expect(failure('rules: [cap-prefix]\n')).toBe('.capdoctor.yaml:1:8: "rules" must be a mapping');
    expect(failure('rules: off\n')).toBe('.capdoctor.yaml:1:8: "rules" must be a mapping');
  });

  it('refuses non-list targets', () => {
    expect(failure('targets: 5\n')).toBe('.capdoctor.yaml:1:10: "targets" must be a list of strings');
    expect(failure('targets: {docker: 18.06}\n')).toBe('.capdoctor.yaml:1:10: "targets" must be a list of strings');
  });

  it('refuses lists with non-strings', () => {
    expect(failure('targets: [docker@18.06, 5]\n')).toBe('.capdoctor.yaml:1:10: "targets" must be a list of strings');
    expect(failure('ignore:\n  - vendor/**\n  - [x]\n')).toBe(
      '.capdoctor.yaml:2:3: "ignore" must be a list of strings',
    );
  });

  it('refuses an empty targets value', () => {
    expect(failure('targets:\n')).toMatch(/^\.capdoctor\.yaml:1:\d+: "targets" must be a list of strings$/);
  });

  it('reports a YAML syntax error at its position', () => {
    expect(failure('targets: [a\nrules: {}\n')).toMatch(/^\.capdoctor\.yaml:2:1: .*flow sequence/i);
  });

  it('reports a duplicate key at the second occurrence', () => {
    expect(failure('targets: [a]\ntargets: [b]\n')).toBe(
      '.capdoctor.yaml:2:1: duplicate key "targets": the last value is used here; kubectl may refuse the file',
    );
  });

  it('reports positions in CRLF files', () => {
    expect(failure('targets: [a]\r\nfoo: bar\r\n')).toBe(
      '.capdoctor.yaml:2:6: unknown setting "foo" (expected targets, rules, pss or ignore)',
    );
  });

  it('reports a target the checker refuses at its line, in a list or given alone', () => {
    const checkTarget = (t: string) => {
      if (t.startsWith('dockr')) throw new Error(`unknown target "${t}"`);
    };
    const failing = (text: string) => {
      try {
        parseConfig(text, 'c.yaml', KNOWN, { checkTarget });
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as Error).message;
      }
      throw new Error('expected a ConfigError');
    };
    expect(failing('rules: {}\ntargets:\n  - docker@20.10\n  - dockr@1\n')).toBe(
      'c.yaml:4:5: unknown target "dockr@1"',
    );
    expect(failing('targets: dockr@1\n')).toBe('c.yaml:1:10: unknown target "dockr@1"');
    expect(parseConfig('targets: [docker@20.10]\n', 'c.yaml', KNOWN, { checkTarget }).targets).toEqual([
      'docker@20.10',
    ]);
  });
});

describe('globToRegExp', () => {
  const matches = (glob: string, path: string) => globToRegExp(glob).test(path);

  it('reads a trailing slash as the folder’s contents and a leading slash as anchored, like .gitignore', () => {
    expect(matches('vendor/', 'vendor/a.yaml')).toBe(true);
    expect(matches('vendor/', 'vendor/x/y.yaml')).toBe(true);
    expect(matches('/vendor/**', 'vendor/a.yaml')).toBe(true);
    expect(matches('/vendor/**', 'apps/vendor/a.yaml')).toBe(false);
    expect(matches('/*.yaml', 'a.yaml')).toBe(true);
    expect(matches('/*.yaml', 'x/a.yaml')).toBe(false);
  });

  it('vendor/** matches everything under vendor/ at the top only', () => {
    expect(matches('vendor/**', 'vendor/a.yaml')).toBe(true);
    expect(matches('vendor/**', 'vendor/x/y.yaml')).toBe(true);
    expect(matches('vendor/**', 'a/vendor/b.yaml')).toBe(false);
    expect(matches('vendor/**', 'vendorx/a.yaml')).toBe(false);
    expect(matches('vendor/**', 'other.yaml')).toBe(false);
  });

  it('a pattern without a slash matches a name in any folder', () => {
    expect(matches('*.json', 'a.json')).toBe(true);
    expect(matches('*.json', 'x/a.json')).toBe(true);
    expect(matches('*.json', 'x/y/z/a.json')).toBe(true);
    expect(matches('*.json', 'a.yaml')).toBe(false);
    expect(matches('*.json', 'a.jsonx')).toBe(false);
    expect(matches('*.generated.yaml', 'k8s/app.generated.yaml')).toBe(true);
    expect(matches('*.generated.yaml', 'k8s/app.yaml')).toBe(false);
  });

  it('a pattern without a slash also matches a folder name, and so everything in it', () => {
    expect(matches('node_modules', 'node_modules/x/a.yaml')).toBe(true);
    expect(matches('node_modules', 'a/node_modules/b.yaml')).toBe(true);
    expect(matches('node_modules', 'node_modulesx/a.yaml')).toBe(false);
  });

  it('* does not cross folders', () => {
    expect(matches('charts/*/templates/**', 'charts/web/templates/deploy.yaml')).toBe(true);
    expect(matches('charts/*/templates/**', 'charts/web/templates/sub/deploy.yaml')).toBe(true);
    expect(matches('charts/*/templates/**', 'charts/a/b/templates/deploy.yaml')).toBe(false);
    expect(matches('charts/*/templates/**', 'charts/web/values.yaml')).toBe(false);
    expect(matches('k8s/*.yaml', 'k8s/a.yaml')).toBe(true);
    expect(matches('k8s/*.yaml', 'k8s/sub/a.yaml')).toBe(false);
  });

  it('**/ matches any number of folders, including none', () => {
    expect(matches('**/test.yaml', 'test.yaml')).toBe(true);
    expect(matches('**/test.yaml', 'a/test.yaml')).toBe(true);
    expect(matches('**/test.yaml', 'a/b/test.yaml')).toBe(true);
    expect(matches('**/test.yaml', 'a/latest.yaml')).toBe(false);
    expect(matches('a/**/b.yaml', 'a/b.yaml')).toBe(true);
    expect(matches('a/**/b.yaml', 'a/x/y/b.yaml')).toBe(true);
    expect(matches('a/**/b.yaml', 'x/a/b.yaml')).toBe(false);
  });

  it('? matches one character, not a slash', () => {
    expect(matches('v?.yaml', 'v1.yaml')).toBe(true);
    expect(matches('v?.yaml', 'dir/v2.yaml')).toBe(true);
    expect(matches('v?.yaml', 'v.yaml')).toBe(false);
    expect(matches('v?.yaml', 'v12.yaml')).toBe(false);
    expect(matches('a?b/c.yaml', 'a/b/c.yaml')).toBe(false);
    expect(matches('a?b/c.yaml', 'axb/c.yaml')).toBe(true);
  });

  it('escapes dots and other regular-expression characters', () => {
    expect(matches('*.yaml', 'fileXyaml')).toBe(false);
    expect(matches('a.b', 'aXb')).toBe(false);
    expect(matches('a.b', 'a.b')).toBe(true);
    expect(matches('(x)+[y]{z}|$^.yaml', '(x)+[y]{z}|$^.yaml')).toBe(true);
    expect(matches('(x)+[y]{z}|$^.yaml', 'xx[y]{z}|$^.yaml')).toBe(false);
    expect(matches('back\\slash', 'back\\slash')).toBe(true);
  });

  it('matches a whole path, not a part of it', () => {
    expect(matches('a.yaml', 'a.yaml.bak')).toBe(false);
    expect(matches('a.yaml', 'xa.yaml')).toBe(false);
    expect(matches('dir/a.yaml', 'x/dir/a.yaml')).toBe(false);
  });

  it('matches everything below a matched path', () => {
    expect(matches('dir/sub', 'dir/sub/a.yaml')).toBe(true);
    expect(matches('dir/sub', 'dir/subway/a.yaml')).toBe(false);
  });

  it('returns a fresh, stateless expression', () => {
    const re = globToRegExp('*.yaml');
    expect(re.flags).toBe('');
    expect(re.test('a.yaml')).toBe(true);
    expect(re.test('a.yaml')).toBe(true);
  });
});
