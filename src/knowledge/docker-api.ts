// Which Docker Engine release serves which API version, to name the engine from a request path such
// as `POST /v1.38/containers/…/start` in a dockerd journal.

/** Highest API version of each release (Docker's API version matrix). */
export const DOCKER_API_VERSIONS: readonly { api: string; docker: string }[] = [
  { api: '1.23', docker: '1.11' },
  { api: '1.24', docker: '1.12' },
  { api: '1.25', docker: '1.13' },
  { api: '1.26', docker: '17.03' },
  { api: '1.27', docker: '17.03.1' },
  { api: '1.28', docker: '17.04' },
  { api: '1.29', docker: '17.05' },
  { api: '1.30', docker: '17.06' },
  { api: '1.31', docker: '17.07' },
  { api: '1.32', docker: '17.09' },
  { api: '1.33', docker: '17.10' },
  { api: '1.34', docker: '17.11' },
  { api: '1.35', docker: '17.12' },
  { api: '1.36', docker: '18.02' },
  { api: '1.37', docker: '18.03–18.05' },
  { api: '1.38', docker: '18.06' },
  { api: '1.39', docker: '18.09' },
  { api: '1.40', docker: '19.03' },
  { api: '1.41', docker: '20.10' },
  { api: '1.42', docker: '23.0' },
  { api: '1.43', docker: '24.0' },
  { api: '1.44', docker: '25.0' },
  { api: '1.45', docker: '26.x' },
  { api: '1.46', docker: '27.0–27.1' },
  { api: '1.47', docker: '27.2–27.5' },
  { api: '1.48', docker: '28.0' },
  { api: '1.49', docker: '28.1' },
  { api: '1.50', docker: '28.2' },
  { api: '1.51', docker: '28.3–28.5' },
  { api: '1.52', docker: '29.0–29.1' },
];

export const DOCKER_API_SOURCE =
  'docker/docs@00ba4d322d759865bef479ee75c1ec98c8d65a86:content/reference/api/engine/_index.md';

/**
 * The Docker release whose highest API version is `api`. A client negotiates the lower of its own
 * and the daemon's version, so a request path shows the daemon's release unless the client is older.
 */
export function dockerReleaseForApi(api: string): string | undefined {
  return DOCKER_API_VERSIONS.find((entry) => entry.api === api)?.docker;
}
