// For plain `tsc` and the type-aware linter, which do not read .vue files; vue-tsc checks them for real.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}
