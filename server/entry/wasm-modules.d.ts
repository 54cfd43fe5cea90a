/** A `.wasm` file imported by the Worker: wrangler and the workerd test pool give a compiled module. */
declare module '*.wasm' {
  const module: WebAssembly.Module;
  export default module;
}
