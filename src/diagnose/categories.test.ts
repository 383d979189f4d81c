// The five kinds of failure diagnose used to get wrong on logs it had not seen, each written from
// messages of public threads (cited per case). None of these inputs is in the held-back part of
// the evaluation set.
import { describe, expect, it } from 'vitest';
import { type DiagnoseResult, diagnoseTexts } from './index.js';

const run = (text: string, file = 'pasted.log') => diagnoseTexts([{ file, text }]);
const top = (result: DiagnoseResult) => result.diagnoses[0];
const brief = (result: DiagnoseResult) =>
  result.diagnoses.map((d) => [d.rule, d.signature, d.capability, d.confidence] as const);

describe('1. an operation refused without a named capability', () => {
  it('SO_MARK on a socket needs NET_ADMIN (v2fly/docker#7)', () => {
    const result = run(
      '2020/07/06 17:21:51 [Info] [2754594387] v2ray.com/core/transport/internet: failed to apply socket options > v2ray.com/core/transport/internet: failed to set SO_MARK > operation not permitted',
    );
    expect(brief(result)).toEqual([['cap-missing', 'operation-socket-mark', 'NET_ADMIN', 'medium']]);
    expect(top(result)?.citations).toContain('https://man7.org/linux/man-pages/man7/capabilities.7.html');
  });

  it('a packet socket for tcpdump needs NET_RAW; `oc run` means the pod spec (nicolaka/netshoot#80)', () => {
    const result = run(
      [
        'oc run network-debug-tmp-pod --rm -i -t --image nicolaka/netshoot -- tcpdump -i eth0 -s 0 -Xvv tcp port 80',
        "tcpdump: eth0: You don't have permission to capture on that device",
        '(socket: Operation not permitted)',
      ].join('\n'),
    );
    expect(brief(result)[0]).toEqual(['cap-missing', 'operation-raw-socket', 'NET_RAW', 'medium']);
    expect(top(result)?.fix).toContain('NET_RAW');
  });

  it('exec of a program whose setcap the container cannot grant: the capability outside the defaults (actiontech/dtle#454)', () => {
    const result = run(
      [
        'standard_init_linux.go:190: exec user process caused "operation not permitted"',
        'setcap CAP_DAC_OVERRIDE,CAP_SETUID,CAP_SYS_RESOURCE,CAP_SETGID=+eip $RPM_INSTALL_PREFIX$BIN_DIR/dtle',
      ].join('\n'),
    );
    expect(brief(result)).toEqual([['cap-missing', 'operation-file-capability-exec', 'SYS_RESOURCE', 'medium']]);
    expect(top(result)?.explanation).toContain('SYS_RESOURCE is read from its file capabilities');
  });

  it('exec refused without a setcap line: no capability is made up', () => {
    const result = run('standard_init_linux.go:207: exec user process caused "operation not permitted"');
    expect(brief(result)).toEqual([['cap-missing', 'operation-file-capability-exec', null, 'medium']]);
  });

  it('the host name needs SYS_ADMIN (moby/moby#14772)', () => {
    expect(brief(run('hostname: you must be root to change the host name'))).toEqual([
      ['cap-missing', 'operation-sethostname', 'SYS_ADMIN', 'medium'],
    ]);
  });

  it('opening /dev/net/tun refused by the device cgroup is no capability (kylemanna/docker-openvpn#777)', () => {
    const result = run(
      'Tue Dec 10 02:57:00 2024 ERROR: Cannot open TUN/TAP dev /dev/net/tun: Operation not permitted (errno=1)',
    );
    expect(brief(result)).toEqual([[null, 'device-not-allowed', null, 'medium']]);
    expect(top(result)?.fix).toContain('--device /dev/net/tun');
  });
});

describe('2. programs that name the capability, read-only sysctls, blocks that list what was added', () => {
  it('dnsmasq names NET_RAW: high confidence, advice for podman run (dockur/windows#1648)', () => {
    const result = run(
      [
        'sudo podman run -it -e "VERSION=2019" -p 8006:8006 --device=/dev/kvm --device=/dev/net/tun --cap-add NET_ADMIN docker.io/dockurr/windows',
        'dnsmasq: process is missing required capability NET_RAW',
      ].join('\n'),
    );
    expect(brief(result)).toEqual([['cap-missing', 'capability-named-missing', 'NET_RAW', 'high']]);
    expect(top(result)?.fix).toBe('Run the container with --cap-add=NET_RAW.');
  });

  it('busybox sh writing to /proc/sys (k3s-io/k3s#1859) and bash echo (archimg/archlinux#22)', () => {
    for (const line of [
      "can't create /proc/sys/net/ipv4/ip_forward: Read-only file system",
      'bash: /proc/sys/net/ipv4/ip_default_ttl: Read-only file system',
    ]) {
      const d = top(run(line));
      expect([d?.rule, d?.capability, d?.setting?.kind], line).toEqual(['sysctl-needs-privilege', null, 'sysctl']);
    }
    expect(top(run('bash: /proc/sys/net/ipv4/ip_default_ttl: Read-only file system'))?.setting?.name).toBe(
      'net.ipv4.ip_default_ttl',
    );
  });

  it('a block that lists the added capabilities lowers the failure it explains away', () => {
    // The layout of a describe-style block; the names and the failure from kube-karp's ucarp, here with NET_RAW added.
    const result = run(
      [
        'Containers:',
        '  kube-karp:',
        '    Capabilities:',
        '      Add:',
        '        NET_ADMIN',
        '        NET_RAW',
        '      Drop:  <none>',
        '    State:  Running',
        '[ERROR] Unable to open raw device: [Operation not permitted]',
      ].join('\n'),
    );
    expect(brief(result)).toEqual([['cap-missing', 'operation-raw-socket', 'NET_RAW', 'low']]);
    expect(top(result)?.summary).toContain('probably not a missing NET_RAW');
    expect(top(result)?.explanation).toContain('pasted.log:3');
  });

  it('a compose cap_add: list counts as given (siomiz/SoftEtherVPN#19)', () => {
    const result = run(
      [
        'ssp:',
        '  image: siomiz/softethervpn',
        '  cap_add:',
        '  - NET_ADMIN',
        '  restart: always',
        'ssp_1  | RTNETLINK answers: Operation not permitted',
      ].join('\n'),
    );
    expect(top(result)?.confidence).toBe('low');
  });
});

describe('3. the wrong capability, a partial one, lists, and the order of the chain', () => {
  it('legacy iptables with NET_ADMIN in cap_add: NET_RAW is the missing one (linuxserver/docker-wireguard#232)', () => {
    const result = run(
      [
        'docker-compose up -d',
        '    cap_add:',
        '      - NET_ADMIN',
        '      - SYS_MODULE',
        "iptables v1.8.7 (legacy): can't initialize iptables table `filter': Permission denied (you must be root)",
      ].join('\n'),
    );
    expect(brief(result)).toEqual([['cap-missing', 'net-admin-iptables', 'NET_RAW', 'medium']]);
    expect(top(result)?.explanation).toContain('the capability missing is NET_RAW');
    expect(top(result)?.fix).toContain('cap_add:');
  });

  it('both given and still refused: not a capability (qoomon/docker-host#50)', () => {
    const result = run(
      [
        'podman run  -it --rm --cap-add=NET_ADMIN --cap-add=NET_RAW qoomon/docker-host:3.1.0',
        "iptables v1.8.8 (legacy): can't initialize iptables table `nat': Permission denied (you must be root)",
      ].join('\n'),
    );
    expect(brief(result)).toEqual([['cap-missing', 'net-admin-iptables', 'NET_ADMIN', 'low']]);
  });

  it('`--cap-add=NET_ADMIN,NET_RAW` is two names in one flag, not a misspelling (bubuntux/nordvpn#331)', () => {
    const result = run(
      [
        'docker run -ti --cap-add=NET_ADMIN,NET_RAW --name vpn \\',
        '           -e TECHNOLOGY=NordLynx -d ghcr.io/bubuntux/nordvpn',
        'invalid CapAdd: unknown capability: "CAP_NET_ADMIN,NET_RAW".',
      ].join('\n'),
    );
    expect(brief(result)[0]).toEqual(['cap-unknown', 'docker-modern-invalid-capadd', 'NET_ADMIN', 'high']);
    expect(top(result)?.summary).toContain('several names in one value');
    expect(top(result)?.fix).toContain('--cap-add=NET_ADMIN --cap-add=NET_RAW');
  });

  it('the refusal the output shows first leads the chain (Anchormen/elasticsearch-kubernetes#3, pires/docker-elasticsearch#7)', () => {
    const result = run(
      [
        'bin/custom-entrypoint: line 13: ulimit: max locked memory: cannot modify limit: Operation not permitted',
        '[2015-11-17 19:24:26,185][WARN ][bootstrap                ] Unable to lock JVM Memory: error=12,reason=Cannot allocate memory',
        '[2015-11-17 19:24:26,186][WARN ][bootstrap                ] Increase RLIMIT_MEMLOCK, soft limit: 65536, hard limit: 65536',
      ].join('\n'),
    );
    expect(brief(result).map((d) => d[1])).toEqual(['setrlimit-eperm', 'elasticsearch-memory-lock']);
  });
});

describe('4. advice that fits the runtime and the interface', () => {
  it('a capability the kernel does not know gets no CAP_ prefix advice (elastic/stack-docker#14)', () => {
    const result = run('linux spec capabilities: Unknown capability to add: "CAP_AUDIT_READ"');
    expect(brief(result)).toEqual([['cap-kernel', 'docker-legacy-unknown-cap-add', 'AUDIT_READ', 'high']]);
    expect(top(result)?.fix).not.toMatch(/prefix/);
    expect(top(result)?.fix).toContain('3.16');
  });

  it('Docker 19.03+ in the log: a pasted CAP_ name is no second diagnosis (elastic/beats#13077)', () => {
    const result = run(
      [
        'docker run --cap-add=CAP_AUDIT_CONTROL --cap-add=CAP_AUDIT_READ docker.elastic.co/beats/auditbeat',
        'Cannot create container for service beat: invalid CapAdd: unknown capability: "CAP_AUDIT_READ"',
      ].join('\n'),
    );
    expect(brief(result)).toEqual([['cap-kernel', 'docker-modern-invalid-capadd', 'AUDIT_READ', 'high']]);
    expect(result.diagnoses.map((d) => d.summary).join(' ')).not.toMatch(/add another|adds another/);
  });

  it('a docker run line gets --cap-add, not securityContext (openai/universe#140)', () => {
    const result = run(
      [
        'docker run quay.io/openai/universe.flashgames:0.20.25',
        "iptables v1.6.0: can't initialize iptables table `filter': Permission denied (you must be root)",
      ].join('\n'),
    );
    expect(top(result)?.fix).toContain('--cap-add=NET_ADMIN');
    expect(top(result)?.fix).not.toContain('securityContext');
  });

  it('without a docker or compose line the fix stays with the pod spec', () => {
    const result = run(
      "iptables v1.6.0: can't initialize iptables table `filter': Permission denied (you must be root)",
    );
    expect(top(result)?.fix).toContain('NET_ADMIN');
    expect(top(result)?.fix).not.toContain('--cap-add');
  });
});

describe('5. false causes: a security module, a capability already given, the wrong user', () => {
  it('AppArmor refused mount although SYS_ADMIN was added (moby/moby#16233)', () => {
    const result = run(
      [
        'docker run -ti --cap-add SYS_ADMIN --device /dev/fuse ...',
        'fuse: mount failed: Permission denied',
        '[86690.569280] type=1400 audit(1441943381.165:51): apparmor="DENIED" operation="mount" info="failed flags match" error=-13 profile="docker-default" name="<dir>" pid=26423 comm="sshfs" fstype="fuse.sshfs"',
      ].join('\n'),
    );
    expect(brief(result)).toEqual([
      [null, 'lsm-denial', null, 'high'],
      ['cap-missing', 'sys-admin-mount', 'SYS_ADMIN', 'low'],
    ]);
    expect(top(result)?.summary).toBe(
      'AppArmor refused mount (docker-default): the profile, not a missing capability, stopped it.',
    );
  });

  it('mount refused with SYS_ADMIN added and no denial quoted: lowered, not asserted (moby/moby#13264)', () => {
    const result = run(
      [
        'docker run -it --cap-add SYS_ADMIN --cap-add AUDIT_READ \\',
        '  -v /sys/fs/cgroup:/sys/fs/cgroup:ro <image>',
        'Failed to mount tmpfs at /run: Permission denied',
        'mount: permission denied',
      ].join('\n'),
    );
    expect(result.diagnoses.every((d) => d.capability === null || d.confidence === 'low')).toBe(true);
  });

  it('capsh shows the capability in effect: the refusal is something else (AkihiroSuda, usernetes)', () => {
    const result = run(
      [
        'Current: = cap_chown,cap_dac_override,cap_net_bind_service,cap_net_raw,cap_sys_chroot+eip',
        'nginx: [emerg] bind() to 0.0.0.0:80 failed (13: Permission denied)',
      ].join('\n'),
    );
    expect(brief(result)).toEqual([['cap-missing', 'net-bind-service-privileged-port', 'NET_BIND_SERVICE', 'low']]);
  });

  it('chmod refused to a non-root user is about ownership (docker-library/postgres#1270)', () => {
    const result = run(
      [
        '    user: "1000:1000"',
        "postgres          | chmod: changing permissions of '/var/lib/postgresql/data': Operation not permitted",
      ].join('\n'),
    );
    expect(brief(result)).toEqual([[null, 'ownership-wrong-uid', null, 'medium']]);
    expect(top(result)?.summary).toContain('uid 1000');
  });
});

describe('4b. a Docker 20.10 node behind the kubelet', () => {
  it('does not claim that Docker doubles the prefix of a pasted manifest name (moby/moby#42011)', () => {
    const result = run(
      [
        '        add:',
        '        - CAP_NET_ADMIN',
        'Mar 02 10:11:12 node-3 kubelet[812]: E0302 10:11:12.123456     812 pod_workers.go:191] Error syncing pod 0b7c6a52-2f1e-4b55-9d3c-0c2f4b8e1a11 ("perf-agent-x2k9_monitoring(0b7c6a52-2f1e-4b55-9d3c-0c2f4b8e1a11)"), skipping: failed to "StartContainer" for "agent" with RunContainerError: "failed to start container: Error response from daemon: invalid CapAdd: unknown capability: \\"CAP_PERFMON\\""',
      ].join('\n'),
    );
    expect(brief(result)).toEqual([['cap-kernel', 'docker-modern-invalid-capadd', 'PERFMON', 'high']]);
  });
});

describe('5b. added for a non-root user', () => {
  it('is the manifest mistake cap-nonroot-ineffective, not a missing capability (kubernetes/kubernetes#56374)', () => {
    const result = run(
      [
        '    securityContext:',
        '      runAsUser: 101',
        '      capabilities:',
        '        drop:',
        '        - all',
        '        add:',
        '        - NET_BIND_SERVICE',
        'nginx: [emerg] bind() to 0.0.0.0:80 failed (13: Permission denied)',
      ].join('\n'),
    );
    expect(brief(result)).toEqual([
      ['cap-nonroot-ineffective', 'net-bind-service-privileged-port', 'NET_BIND_SERVICE', 'medium'],
    ]);
    expect(top(result)?.explanation).toContain('runs as uid 101');
  });
});
