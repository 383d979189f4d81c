import { describe, expect, it } from 'vitest';
import { joinWords, parseScript, programName } from './shell.js';

describe('parseScript', () => {
  it('splits on ;, &&, ||, pipes and new lines, keeping each command’s text and line', () => {
    const commands = parseScript(
      'ulimit -l unlimited && exec runuser -u es -- bin/es\nsysctl -w a=1 || true; echo x | tee y',
    );
    expect(commands.map((c) => [c.words, c.line, c.text])).toEqual([
      [['ulimit', '-l', 'unlimited'], 0, 'ulimit -l unlimited'],
      [['exec', 'runuser', '-u', 'es', '--', 'bin/es'], 0, 'exec runuser -u es -- bin/es'],
      [['sysctl', '-w', 'a=1'], 1, 'sysctl -w a=1'],
      [['true'], 1, 'true'],
      [['echo', 'x'], 1, 'echo x'],
      [['tee', 'y'], 1, 'tee y'],
    ]);
  });

  it('removes quotes, keeps command substitutions and parameter expansions as written, and reads escapes', () => {
    const [command] = parseScript(`su - app -c "ping -c1 \\"x\\"" 'a b' $(date +%s) \${HOME}/x c\\ d`);
    expect(command?.words).toEqual([
      'su',
      '-',
      'app',
      '-c',
      'ping -c1 "x"',
      'a b',
      '$(date +%s)',
      `${'$'}{HOME}/x`,
      'c d',
    ]);
  });

  it('reads redirections, with file descriptors, and here-documents', () => {
    const commands = parseScript(
      "echo '* hard memlock unlimited' >> /etc/security/limits.conf 2>/dev/null\ncat > /etc/security/limits.d/x.conf <<'EOF'\napp - memlock unlimited\nEOF\necho done",
    );
    expect(commands[0]?.redirects).toEqual([
      { op: '>>', target: '/etc/security/limits.conf' },
      { op: '2>', target: '/dev/null' },
    ]);
    expect(commands[1]?.heredoc).toBe('app - memlock unlimited');
    expect(commands[2]?.words).toEqual(['echo', 'done']);
    expect(commands[2]?.line).toBe(4);
  });

  it('skips keywords, comments, assignments and compound headers', () => {
    const commands = parseScript(
      '# set up\nX=1 Y=2 exec app\nif [ -f x ]; then chown 1 /d; fi\nfor i in 1 2; do echo $i; done\nf() { :; }',
    );
    expect(commands.map((c) => c.words[0])).toEqual(['exec', '[', 'chown', 'echo', ':']);
    expect(commands[0]?.assignments).toEqual(['X=1', 'Y=2']);
    expect(commands[2]?.text).toBe('chown 1 /d');
  });

  it('never throws on broken input', () => {
    expect(() => parseScript('echo "unterminated $(oops')).not.toThrow();
    expect(parseScript('')).toEqual([]);
  });
});

describe('helpers', () => {
  it('programName drops the folder; joinWords quotes what needs it', () => {
    expect(programName('/usr/sbin/runuser')).toBe('runuser');
    expect(programName(undefined)).toBe('');
    expect(joinWords(['sh', '-c', 'a b'])).toBe('sh -c "a b"');
  });
});
