// The suite's only image content, made locally: Debian's static busybox in a root file system,
// packed as a plain tarball (for `docker import` and `podman import`) and as an OCI image layout
// archive (for `ctr images import`). No registry and no network are involved.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { must } from './host.js';

const BUSYBOX = '/bin/busybox';

export async function buildRootfs(root: string): Promise<{ rootfs: string; tarball: string }> {
  const rootfs = join(root, 'rootfs');
  for (const dir of ['bin', 'proc', 'sys', 'dev', 'etc', 'tmp', 'root', 'usr']) {
    mkdirSync(join(rootfs, dir), { recursive: true });
  }
  copyFileSync(BUSYBOX, join(rootfs, 'bin', 'busybox'));
  const applets = (await must(BUSYBOX, ['--list'], { timeoutMs: 10_000 })).stdout.split('\n').filter(Boolean);
  for (const applet of applets) {
    if (applet !== 'busybox') symlinkSync('busybox', join(rootfs, 'bin', applet));
  }
  symlinkSync('../bin', join(rootfs, 'usr', 'bin'));
  symlinkSync('bin', join(rootfs, 'sbin'));
  writeFileSync(
    join(rootfs, 'etc', 'passwd'),
    'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/sh\n',
  );
  writeFileSync(join(rootfs, 'etc', 'group'), 'root:x:0:\nnogroup:x:65534:\n');
  const tarball = join(root, 'rootfs.tar');
  await must('tar', ['-C', rootfs, '-cf', tarball, '.'], { timeoutMs: 60_000 });
  return { rootfs, tarball };
}

function goArch(): string {
  const map: Record<string, string> = { x64: 'amd64', arm64: 'arm64', arm: 'arm', ppc64: 'ppc64le', s390x: 's390x' };
  return map[process.arch] ?? process.arch;
}

/** An OCI image layout with one uncompressed layer and two images: the shell image and a sandbox image. */
export async function buildImageArchive(
  root: string,
  layerTar: string,
  images: readonly { name: string; cmd: readonly string[] }[],
): Promise<string> {
  const layout = join(root, 'image-layout');
  const blobs = join(layout, 'blobs', 'sha256');
  mkdirSync(blobs, { recursive: true });
  const put = (data: Buffer): { digest: string; size: number } => {
    const hex = createHash('sha256').update(data).digest('hex');
    writeFileSync(join(blobs, hex), data);
    return { digest: `sha256:${hex}`, size: data.length };
  };
  const layer = put(readFileSync(layerTar));
  const architecture = goArch();
  const manifests = images.map(({ name, cmd }) => {
    const config = put(
      Buffer.from(
        JSON.stringify({
          architecture,
          os: 'linux',
          config: { Env: ['PATH=/bin:/usr/bin:/sbin'], Cmd: cmd },
          rootfs: { type: 'layers', diff_ids: [layer.digest] },
        }),
      ),
    );
    const manifest = put(
      Buffer.from(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
          layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar', ...layer }],
        }),
      ),
    );
    return {
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      ...manifest,
      platform: { architecture, os: 'linux' },
      annotations: {
        'io.containerd.image.name': `docker.io/${name}`,
        'org.opencontainers.image.ref.name': name.split(':')[1] ?? 'latest',
      },
    };
  });
  writeFileSync(join(layout, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests }));
  writeFileSync(join(layout, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  const archive = join(root, 'images.tar');
  await must('tar', ['-C', layout, '-cf', archive, 'oci-layout', 'index.json', 'blobs'], { timeoutMs: 60_000 });
  return archive;
}
