// The one piece of @kubernetes/client-node that capdoctor uses: KubeConfig, which resolves kubeconfig
// files (KUBECONFIG lists, ~/.kube/config), contexts, in-cluster service accounts and every credential
// kind (tokens, client certificates, exec plugins, auth providers) into TLS options and headers.
// scripts/build.mjs bundles this file as dist/kube.cjs, loaded only by the commands that talk to a cluster.
export { KubeConfig } from '@kubernetes/client-node/dist/config.js';
