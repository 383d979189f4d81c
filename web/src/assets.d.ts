// Example files are bundled as text (esbuild's text loader).
declare module '*.yaml' {
  const text: string;
  export default text;
}
declare module '*.log' {
  const text: string;
  export default text;
}
declare module '*.css';
