// deploy/webhook/: every manifest is valid against the Kubernetes (and cert-manager) OpenAPI schemas, as
// compiled to ajv validators by kubernetes-models; the legacy/ manifests, field by field, against the
// OpenAPI documents of Kubernetes 1.9 to 1.13 (kubectl refuses a field the server's schema lacks); the
// settings the webhook relies on are there; and capdoctor finds nothing in them, restricted checks included.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Certificate } from '@kubernetes-models/cert-manager/cert-manager.io/v1/Certificate';
import { Issuer } from '@kubernetes-models/cert-manager/cert-manager.io/v1/Issuer';
import ajvDraft04 from 'ajv-draft-04';
import { MutatingWebhookConfiguration } from 'kubernetes-models/admissionregistration.k8s.io/v1/MutatingWebhookConfiguration';
import { ValidatingWebhookConfiguration } from 'kubernetes-models/admissionregistration.k8s.io/v1/ValidatingWebhookConfiguration';
import { MutatingWebhookConfiguration as MutatingWebhookConfigurationV1beta1 } from 'kubernetes-models/admissionregistration.k8s.io/v1beta1/MutatingWebhookConfiguration';
import { ValidatingWebhookConfiguration as ValidatingWebhookConfigurationV1beta1 } from 'kubernetes-models/admissionregistration.k8s.io/v1beta1/ValidatingWebhookConfiguration';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { PodDisruptionBudget as PodDisruptionBudgetV1beta1 } from 'kubernetes-models/policy/v1beta1/PodDisruptionBudget';
import { ClusterRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole';
import { ClusterRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { parseConfig } from '../src/core/config.js';
import { lintSource } from '../src/core/engine.js';
import { resolveTargets } from '../src/knowledge/targets.js';
import { RULES } from '../src/rules/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = join(root, 'deploy', 'webhook');

// biome-ignore lint/suspicious/noExplicitAny: each model class takes its own shape
type ModelClass = new (data: any) => { validate(): void };
const MODELS: Record<string, ModelClass> = {
  'v1/Namespace': Namespace,
  'v1/ServiceAccount': ServiceAccount,
  'v1/Service': Service,
  'v1/ConfigMap': ConfigMap,
  'rbac.authorization.k8s.io/v1/ClusterRole': ClusterRole,
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': ClusterRoleBinding,
  'apps/v1/Deployment': Deployment,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'policy/v1beta1/PodDisruptionBudget': PodDisruptionBudgetV1beta1,
  'admissionregistration.k8s.io/v1/ValidatingWebhookConfiguration': ValidatingWebhookConfiguration,
  'admissionregistration.k8s.io/v1/MutatingWebhookConfiguration': MutatingWebhookConfiguration,
  // These carry every field v1beta1 ever had (Kubernetes 1.21's) and allow unknown ones: the legacy
  // manifests are checked against the older releases below as well.
  'admissionregistration.k8s.io/v1beta1/ValidatingWebhookConfiguration': ValidatingWebhookConfigurationV1beta1,
  'admissionregistration.k8s.io/v1beta1/MutatingWebhookConfiguration': MutatingWebhookConfigurationV1beta1,
  'cert-manager.io/v1/Issuer': Issuer,
  'cert-manager.io/v1/Certificate': Certificate,
};

function files(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

// biome-ignore lint/suspicious/noExplicitAny: manifests are read as plain data
type Manifest = Record<string, any>;

function load(file: string): Manifest[] {
  return parseAllDocuments(readFileSync(file, 'utf8')).map((doc) => {
    expect(doc.errors, file).toEqual([]);
    return doc.toJS() as Manifest;
  });
}

const all = files(dir).map((file) => ({ file: relative(root, file), objects: load(file) }));
const find = (kind: string) => all.flatMap((f) => f.objects).filter((o) => o.kind === kind);

describe('deploy/webhook', () => {
  it.each(all.map((f) => [f.file, f.objects] as const))('%s is valid against the schemas', (file, objects) => {
    for (const object of objects) {
      const model = MODELS[`${object.apiVersion}/${object.kind}`];
      expect(model, `${file}: no schema for ${object.apiVersion} ${object.kind}`).toBeDefined();
      const data = structuredClone(object);
      // The placeholder that the install steps replace with the CA's base64.
      for (const hook of data.webhooks ?? [])
        if (hook.clientConfig.caBundle === 'CA_BUNDLE') hook.clientConfig.caBundle = 'Cg==';
      expect(
        () => new (model as ModelClass)(data).validate(),
        `${file}: ${object.kind} ${object.metadata?.name}`,
      ).not.toThrow();
    }
  });

  it('the schema validation catches a broken manifest (the check can fail)', () => {
    const deployment = structuredClone(find('Deployment')[0] as Manifest);
    deployment.spec.replicas = 'two';
    expect(() => new Deployment(deployment).validate()).toThrow(/replicas must be integer/);
    const hook = structuredClone(find('ValidatingWebhookConfiguration')[0] as Manifest);
    delete hook.webhooks[0].sideEffects;
    expect(() => new ValidatingWebhookConfiguration(hook).validate()).toThrow(/sideEffects/);
  });

  it.each(['base', 'legacy'])(
    '%s: runs two non-root, read-only replicas with probes, resources, a disruption budget and the configuration',
    (variant) => {
      const objects = all.filter((f) => f.file.includes(`${variant}/deployment.yaml`)).flatMap((f) => f.objects);
      const deployment = objects.find((o) => o.kind === 'Deployment') as Manifest;
      expect(deployment.spec.replicas).toBe(2);
      const pod = deployment.spec.template.spec;
      expect(pod.securityContext.runAsNonRoot).toBe(true);
      // The field from Kubernetes 1.19, the annotation before it.
      if (variant === 'base') expect(pod.securityContext.seccompProfile).toEqual({ type: 'RuntimeDefault' });
      else
        expect(deployment.spec.template.metadata.annotations['seccomp.security.alpha.kubernetes.io/pod']).toBe(
          'runtime/default',
        );
      expect(pod.securityContext.runAsUser).toBeGreaterThan(0);
      const [container] = pod.containers;
      expect(container.securityContext).toEqual({
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ['ALL'] },
      });
      expect(container.readinessProbe.httpGet).toMatchObject({ path: '/readyz', scheme: 'HTTPS' });
      expect(container.livenessProbe.httpGet).toMatchObject({ path: '/healthz', scheme: 'HTTPS' });
      expect(container.resources.requests).toMatchObject({ cpu: expect.any(String), memory: expect.any(String) });
      expect(container.resources.limits.memory).toBeDefined();
      expect(container.args).toEqual(
        expect.arrayContaining(['webhook', '--tls-cert-file=/etc/capdoctor/tls/tls.crt', '--discover-nodes']),
      );
      // Node discovery lists nodes with the ServiceAccount's token.
      expect(pod.serviceAccountName).toBe('capdoctor-webhook');
      expect(pod.automountServiceAccountToken).toBe(true);
      const pdb = objects.find((o) => o.kind === 'PodDisruptionBudget');
      expect(pdb?.apiVersion).toBe(variant === 'base' ? 'policy/v1' : 'policy/v1beta1');
      expect(pdb?.spec).toEqual({ minAvailable: 1, selector: deployment.spec.selector });

      // --config names the ConfigMap's key in a folder mount (a subPath mount would never be updated).
      const flag = (container.args as string[]).find((a) => a.startsWith('--config='))?.slice('--config='.length);
      const mount = container.volumeMounts.find((m: Manifest) => flag?.startsWith(`${m.mountPath}/`));
      expect(mount).toBeDefined();
      expect(mount.subPath).toBeUndefined();
      const volume = pod.volumes.find((v: Manifest) => v.name === mount.name);
      const [configMap] = find('ConfigMap');
      expect(volume.configMap.name).toBe(configMap?.metadata.name);
      const key = flag?.slice(mount.mountPath.length + 1) as string;
      const known = new Set(RULES.map((r) => r.meta.id));
      expect(parseConfig(configMap?.data[key], key, known)).toEqual({ rules: {} });
    },
  );

  it('the ClusterRole reads nodes only', () => {
    const [role] = find('ClusterRole');
    expect(role?.rules).toEqual([{ apiGroups: [''], resources: ['nodes'], verbs: ['get', 'list'] }]);
  });

  it('configures both webhooks as the API server should call them, in both variants', () => {
    const configurations = [...find('ValidatingWebhookConfiguration'), ...find('MutatingWebhookConfiguration')].filter(
      (o) => o.apiVersion === 'admissionregistration.k8s.io/v1',
    );
    expect(configurations).toHaveLength(4);
    for (const configuration of configurations) {
      for (const hook of configuration.webhooks) {
        expect(hook).toMatchObject({
          failurePolicy: 'Ignore',
          timeoutSeconds: 3,
          sideEffects: 'None',
          admissionReviewVersions: ['v1', 'v1beta1'],
          matchPolicy: 'Equivalent',
          namespaceSelector: {
            matchExpressions: [
              { key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['kube-system', 'capdoctor'] },
            ],
          },
        });
        expect(hook.clientConfig.service.path).toBe(
          configuration.kind.startsWith('Validating') ? '/validate' : '/mutate',
        );
        const resources = hook.rules.flatMap((r: Manifest) => r.resources).sort();
        expect(resources).toEqual(
          [
            'cronjobs',
            'daemonsets',
            'deployments',
            'jobs',
            'pods',
            'replicasets',
            'replicationcontrollers',
            'statefulsets',
          ].sort(),
        );
      }
    }
    // The cert-manager variant differs only in where caBundle comes from.
    const strip = (file: string) =>
      load(join(dir, file)).map((o) => {
        const copy = structuredClone(o);
        delete copy.metadata.annotations;
        for (const hook of copy.webhooks) delete hook.clientConfig.caBundle;
        return copy;
      });
    expect(strip('cert-manager/webhooks.yaml')).toEqual(strip('certs-manual/webhooks.yaml'));
    for (const o of load(join(dir, 'cert-manager/webhooks.yaml'))) {
      expect(o.metadata.annotations['cert-manager.io/inject-ca-from']).toBe('capdoctor/capdoctor-webhook');
    }
    const certificate = find('Certificate').find((c) => c.metadata.name === 'capdoctor-webhook');
    expect(certificate?.spec.secretName).toBe('capdoctor-webhook-tls');
    expect(certificate?.spec.dnsNames).toContain('capdoctor-webhook.capdoctor.svc');
  });

  it('capdoctor finds nothing in them, with the restricted checks on', () => {
    // As `capdoctor lint --pss restricted --rule pss-restricted=error deploy/webhook` runs it.
    const options = {
      rules: RULES,
      targets: resolveTargets([]),
      settings: { 'pss-restricted': 'error' as const },
      pss: 'restricted' as const,
    };
    for (const { file } of all) {
      const result = lintSource(file, readFileSync(join(root, file), 'utf8'), options);
      expect(result.findings, file).toEqual([]);
    }
    // The same check fires on a container that keeps its capabilities.
    const deployment = readFileSync(join(dir, 'base', 'deployment.yaml'), 'utf8').replace(
      'drop: ["ALL"]',
      'drop: ["NET_RAW"]',
    );
    expect(lintSource('d.yaml', deployment, options).findings.map((f) => f.rule)).toContain('pss-restricted');
  });
});

// The OpenAPI documents of Kubernetes 1.9.4 to 1.13.4 as their API servers published them (kept by the
// npm package kubernetes-client@8.3.7, lib/specs/; scripts/k8s-legacy-schemas.mjs extracts the kinds
// used here). kubectl validates a manifest against its server's document and refuses unknown fields
// (kubernetes/kube-openapi@6777633:pkg/util/proto/validation/types.go): here every object without an
// additionalProperties of its own gets additionalProperties: false to do the same.
const RELEASES = ['1.9', '1.10', '1.11', '1.12', '1.13'] as const;
type Release = (typeof RELEASES)[number];
interface OpenApiExtract {
  kubernetes: string;
  kinds: Record<string, string>;
  definitions: Record<string, Manifest>;
}
const openapi = Object.fromEntries(
  RELEASES.map((r) => [
    r,
    JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'kubernetes-openapi', `v${r}.json`), 'utf8')),
  ]),
) as Record<Release, OpenApiExtract>;

function strictValidator(release: Release) {
  const spec = openapi[release];
  const definitions = structuredClone(spec.definitions);
  for (const definition of Object.values(definitions)) {
    if (definition.properties && definition.additionalProperties === undefined) definition.additionalProperties = false;
  }
  // Swagger 2.0 writes int-or-string as a string with a format; JSON Schema needs both types.
  definitions['io.k8s.apimachinery.pkg.util.intstr.IntOrString'] = { type: ['string', 'integer'] };
  const ajv = new ajvDraft04.default({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ definitions }, 'k8s');
  return (object: Manifest): string[] => {
    const name = spec.kinds[`${object.apiVersion}/${object.kind}`];
    if (!name) return [`no schema for ${object.apiVersion} ${object.kind}`];
    const validate = ajv.getSchema(`k8s#/definitions/${name}`);
    if (!validate) return [`no definition ${name}`];
    if (validate(object)) return [];
    return (validate.errors ?? []).map(
      (e: { instancePath: string; message?: string; params: Record<string, unknown> }) =>
        `${e.instancePath} ${e.message}${e.params.additionalProperty ? `: ${e.params.additionalProperty}` : ''}`,
    );
  };
}

/** What the legacy install applies: the base files that every release knows, and legacy/. */
const LEGACY_FILES = [
  'base/namespace.yaml',
  'base/rbac.yaml',
  'base/service.yaml',
  'base/config.yaml',
  'legacy/deployment.yaml',
  'legacy/webhooks.yaml',
];

/** The manifest text as the install steps (legacy/README.md) turn it into what kubectl applies. */
function installed(file: string, release: Release): Manifest[] {
  let text = readFileSync(join(dir, file), 'utf8').replace(/CA_BUNDLE/g, 'Cg==');
  if (['1.9', '1.10', '1.11'].includes(release)) text = text.replace(/^.*sideEffects:.*\n/gm, '');
  return parseAllDocuments(text).map((doc) => doc.toJS() as Manifest);
}

describe('deploy/webhook/legacy: Kubernetes 1.9 to 1.15', () => {
  it.each(RELEASES)('every object is valid, field by field, for Kubernetes %s', (release) => {
    expect(openapi[release].kubernetes).toMatch(new RegExp(`^v${release.replace('.', '\\.')}\\.`));
    const check = strictValidator(release);
    for (const file of LEGACY_FILES) {
      for (const object of installed(file, release)) {
        expect(check(object), `${file}: ${object.kind} on ${release}`).toEqual([]);
      }
    }
  });

  it('the field-by-field check fails on a field the release does not know (the check can fail)', () => {
    const check = strictValidator('1.13');
    // The base Deployment's seccompProfile (1.19) and topologySpreadConstraints (1.16).
    const [deployment] = load(join(dir, 'base', 'deployment.yaml'));
    expect(check(deployment as Manifest)).toEqual(
      expect.arrayContaining([
        '/spec/template/spec must NOT have additional properties: topologySpreadConstraints',
        '/spec/template/spec/securityContext must NOT have additional properties: seccompProfile',
      ]),
    );
    // A v1 configuration's settings written into the v1beta1 one: each 1.14 and 1.15 field is refused.
    const [legacy] = installed('legacy/webhooks.yaml', '1.13');
    const [modern] = load(join(dir, 'certs-manual', 'webhooks.yaml'));
    const hook = {
      ...modern?.webhooks[0],
      clientConfig: legacy?.webhooks[0].clientConfig,
      rules: legacy?.webhooks[0].rules,
    };
    const errors = check({ ...legacy, webhooks: [hook] });
    for (const field of ['timeoutSeconds', 'admissionReviewVersions', 'matchPolicy'])
      expect(errors).toContain(`/webhooks/0 must NOT have additional properties: ${field}`);
    // sideEffects is 1.12's: refused by 1.11, which is why the README deletes it there.
    const raw = parseAllDocuments(
      readFileSync(join(dir, 'legacy', 'webhooks.yaml'), 'utf8').replace(/CA_BUNDLE/g, 'Cg=='),
    );
    expect(strictValidator('1.11')(raw[0]?.toJS() as Manifest)).toEqual([
      '/webhooks/0 must NOT have additional properties: sideEffects',
    ]);
  });

  it('the releases know the webhook fields the documentation says they do', () => {
    const fields = (release: Release) =>
      Object.keys(
        openapi[release].definitions['io.k8s.api.admissionregistration.v1beta1.Webhook']?.properties ?? {},
      ).sort();
    const base = ['clientConfig', 'failurePolicy', 'name', 'namespaceSelector', 'rules'];
    for (const release of ['1.9', '1.10', '1.11'] as const) expect(fields(release)).toEqual(base);
    for (const release of ['1.12', '1.13'] as const) expect(fields(release)).toEqual([...base, 'sideEffects'].sort());
  });

  it('configures both webhooks for the old API servers, every version of every kind', () => {
    const configurations = load(join(dir, 'legacy', 'webhooks.yaml'));
    expect(configurations.map((c) => `${c.apiVersion} ${c.kind}`)).toEqual([
      'admissionregistration.k8s.io/v1beta1 ValidatingWebhookConfiguration',
      'admissionregistration.k8s.io/v1beta1 MutatingWebhookConfiguration',
    ]);
    const [namespace] = find('Namespace');
    for (const configuration of configurations) {
      const [hook] = configuration.webhooks;
      expect(hook).toMatchObject({ failurePolicy: 'Ignore', sideEffects: 'None' });
      expect(hook.clientConfig).toEqual({
        service: {
          name: 'capdoctor-webhook',
          namespace: 'capdoctor',
          path: configuration.kind.startsWith('Validating') ? '/validate' : '/mutate',
        },
        caBundle: 'CA_BUNDLE',
      });
      // Without matchPolicy (1.15) the API server sends only what a rule names: every version, and
      // extensions/v1beta1, which 1.9 to 1.15 serve for Deployments, DaemonSets and ReplicaSets.
      const covered = hook.rules.flatMap((r: Manifest) =>
        r.resources.map(
          (resource: string) => `${r.apiGroups[0]}/${resource} ${r.apiVersions.join()} ${r.operations.join()}`,
        ),
      );
      expect(covered.sort()).toEqual(
        [
          '/pods',
          '/replicationcontrollers',
          'apps/deployments',
          'apps/statefulsets',
          'apps/daemonsets',
          'apps/replicasets',
          'extensions/deployments',
          'extensions/daemonsets',
          'extensions/replicasets',
          'batch/jobs',
          'batch/cronjobs',
        ]
          .map((r) => `${r} * CREATE,UPDATE`)
          .sort(),
      );
      // kubernetes.io/metadata.name exists from 1.21: the webhook's own namespace carries a label instead.
      const [expression] = hook.namespaceSelector.matchExpressions;
      expect(expression).toEqual({ key: 'capdoctor.io/webhook', operator: 'NotIn', values: ['skip'] });
      expect(namespace?.metadata.labels[expression.key]).toBe('skip');
    }
  });
});

describe('Dockerfile', () => {
  const text = readFileSync(join(root, 'Dockerfile'), 'utf8');
  it('builds in one stage and runs in another, as a non-root user', () => {
    expect(text.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    expect(text).toMatch(/^COPY --from=build /m);
    const user = /^USER (\S+)$/m.exec(text)?.[1];
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^(root|0)(:|$)/);
    expect(text).toMatch(/^ENTRYPOINT \[/m);
  });
});
