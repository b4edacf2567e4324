// The bundled page (build/page-bundle.ts provides it at build and test time).
declare module 'virtual:liteml-page' {
  export const script: string;
  export const css: string;
}
