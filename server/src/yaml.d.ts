// The built-in catalog is bundled as text (esbuild's text loader).
declare module '*.yaml' {
  const text: string;
  export default text;
}
