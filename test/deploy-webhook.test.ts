// deploy/webhook/: every manifest is valid against the Kubernetes (and cert-manager) OpenAPI schemas, as
// compiled to ajv validators by kubernetes-models; the settings the webhook relies on are there; and
// capdoctor finds nothing in them, restricted checks included.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Certificate } from '@kubernetes-models/cert-manager/cert-manager.io/v1/Certificate';
import { Issuer } from '@kubernetes-models/cert-manager/cert-manager.io/v1/Issuer';
import { MutatingWebhookConfiguration } from 'kubernetes-models/admissionregistration.k8s.io/v1/MutatingWebhookConfiguration';
import { ValidatingWebhookConfiguration } from 'kubernetes-models/admissionregistration.k8s.io/v1/ValidatingWebhookConfiguration';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ClusterRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole';
import { ClusterRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
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
  'rbac.authorization.k8s.io/v1/ClusterRole': ClusterRole,
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': ClusterRoleBinding,
  'apps/v1/Deployment': Deployment,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'admissionregistration.k8s.io/v1/ValidatingWebhookConfiguration': ValidatingWebhookConfiguration,
  'admissionregistration.k8s.io/v1/MutatingWebhookConfiguration': MutatingWebhookConfiguration,
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

  it('runs two non-root, read-only replicas with probes, resources and a disruption budget', () => {
    const [deployment] = find('Deployment');
    expect(deployment?.spec.replicas).toBe(2);
    const pod = deployment?.spec.template.spec;
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
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
    const [pdb] = find('PodDisruptionBudget');
    expect(pdb?.spec).toEqual({ minAvailable: 1, selector: deployment?.spec.selector });
    const [role] = find('ClusterRole');
    expect(role?.rules).toEqual([{ apiGroups: [''], resources: ['nodes'], verbs: ['get', 'list'] }]);
  });

  it('configures both webhooks as the API server should call them, in both variants', () => {
    const configurations = [...find('ValidatingWebhookConfiguration'), ...find('MutatingWebhookConfiguration')];
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
    const options = { rules: RULES, targets: resolveTargets([]), settings: { 'pss-restricted': 'error' as const } };
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
